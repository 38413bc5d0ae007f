import { z } from 'zod';
import { CHECKIN_LIST_ID, CHECKIN_SOURCES, entrySchema, type Entry } from '../domain/entry';
import { isHlc } from '../domain/hlc';

/**
 * Validation of the entries in a pull answer, as complete as `entrySchema` but cheaper for the
 * entry a busy event is made of: check-ins. Converging ten doors moves 100,000 check-ins through
 * this, and zod's general discriminated-union walk was about a sixth of a station's work. A
 * check-in is checked field by field against exactly the rules of `checkinEntrySchema` and copied
 * into a fresh object (unknown keys dropped, as zod does); anything else, or a check-in that fails
 * any rule, goes through `entrySchema` itself, so errors read the same as before.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SOURCES: ReadonlySet<string> = new Set(CHECKIN_SOURCES);
const isoTime = z.string().datetime({ offset: true });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A valid check-in entry as `entrySchema` would output it, or undefined (not a check-in, or invalid). */
function fastCheckin(raw: unknown): Entry | undefined {
  if (!isRecord(raw) || raw.type !== 'checkin') return undefined;
  const { id, station, hlc, attendeeId, data } = raw;
  if (typeof id !== 'string' || !UUID.test(id)) return undefined;
  if (typeof station !== 'string' || station.length < 1 || station.length > 64) return undefined;
  if (typeof hlc !== 'string' || !isHlc(hlc)) return undefined;
  if (typeof attendeeId !== 'string' || !UUID.test(attendeeId)) return undefined;
  if (!isRecord(data)) return undefined;
  const { source, scannedAt, list } = data;
  if (typeof source !== 'string' || !SOURCES.has(source)) return undefined;
  if (typeof scannedAt !== 'string' || !isoTime.safeParse(scannedAt).success) return undefined;
  const typedSource = source as (typeof CHECKIN_SOURCES)[number];
  if (list === undefined) return { id, station, hlc, type: 'checkin', attendeeId, data: { source: typedSource, scannedAt } };
  if (typeof list !== 'string' || !CHECKIN_LIST_ID.test(list)) return undefined;
  return { id, station, hlc, type: 'checkin', attendeeId, data: { source: typedSource, scannedAt, list } };
}

export type ParsedEntries = { ok: true; entries: Entry[] } | { ok: false; path: string; message: string };

/** Validates a list of raw entries; the first invalid one is reported with its zod issue path. */
export function parseEntries(raw: readonly unknown[]): ParsedEntries {
  const entries: Entry[] = new Array<Entry>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const fast = fastCheckin(raw[i]);
    if (fast) {
      entries[i] = fast;
      continue;
    }
    const parsed = entrySchema.safeParse(raw[i]);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, path: ['entries', i, ...(issue?.path ?? [])].join('.'), message: issue?.message ?? '' };
    }
    entries[i] = parsed.data;
  }
  return { ok: true, entries };
}
