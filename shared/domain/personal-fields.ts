import type { AttendeeFieldName } from './attendee';

/**
 * The fields that identify or contact a person, removed by the purge after the event. Industry,
 * goals, "looking for", ticket type, walk-in and every check-in stay, so the counts and the mix
 * survive it.
 */
export const PERSONAL_FIELDS: readonly AttendeeFieldName[] = ['name', 'nameKana', 'company', 'title', 'email', 'phone', 'note'];

const PERSONAL: ReadonlySet<string> = new Set(PERSONAL_FIELDS);

/**
 * A stored entry's JSON text without personal fields, or null when it holds none (only an
 * `attendee.upsert` can). The one rule for the station's log and the hub's store.
 */
export function entryWithoutPersonalFields(body: string): string | null {
  const entry = JSON.parse(body) as { type?: unknown; data?: { fields?: Record<string, unknown> } };
  const fields = entry.type === 'attendee.upsert' ? entry.data?.fields : undefined;
  if (!fields || !Object.keys(fields).some((f) => PERSONAL.has(f))) return null;
  const kept = Object.fromEntries(Object.entries(fields).filter(([f]) => !PERSONAL.has(f)));
  return JSON.stringify({ ...entry, data: { ...entry.data, fields: kept } });
}
