import fc from 'fast-check';
import type { Entry } from '../../shared/domain/entry';
import { compareStamp } from '../../shared/domain/entry';
import { formatHlc } from '../../shared/domain/hlc';
import type { Db } from '../../electron/core/db/types';
import { findAttendee } from '../../electron/core/attendees/queries';
import { readSettings } from '../../electron/core/settings/queries';

/** Builders and generators of log entries for sync and projection tests. */
export const ATTENDEE_POOL = [
  '01900000-0000-7000-8000-0000000000a1',
  '01900000-0000-7000-8000-0000000000a2',
  '01900000-0000-7000-8000-0000000000a3',
] as const;
const STATIONS = [
  { name: 'Door A', node: 'na' },
  { name: 'Door B', node: 'nb' },
  { name: 'Door C', node: 'nc' },
] as const;

export function entryId(n: number): string {
  return `01900000-0000-7000-9000-${n.toString(16).padStart(12, '0')}`;
}

type Op =
  | { kind: 'upsert'; field: 'name' | 'company' | 'ticketCode' | 'ticketType'; value: string }
  | { kind: 'remove' }
  | { kind: 'restore' }
  | { kind: 'checkin'; list: string | undefined }
  | { kind: 'undo'; pick: number }
  | { kind: 'print'; copies: number }
  | { kind: 'consent'; value: boolean }
  | { kind: 'status'; value: 'registered' | 'cancelled' | 'waitlisted' }
  | { kind: 'presence'; state: 'left' | 'back' }
  | { kind: 'settings'; value: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('upsert' as const), field: fc.constantFrom('name' as const, 'company' as const, 'ticketCode' as const, 'ticketType' as const), value: fc.constantFrom('林', '山田', 'Acme', 'X-1', '') }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'remove' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restore' as const }) },
  // Check-in lists: most on the default list (no id, or its id spelled out), some on two others.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('checkin' as const), list: fc.constantFrom(undefined, undefined, 'main', 'party', 'seminar') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), pick: fc.nat(20) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('print' as const), copies: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('consent' as const), value: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('status' as const), value: fc.constantFrom('registered' as const, 'cancelled' as const, 'waitlisted' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('presence' as const), state: fc.constantFrom('left' as const, 'back' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), value: fc.constantFrom('交流会', 'Meetup') }) },
);

/** A random log: ops on a few attendees from three stations, with colliding wall-clock times. */
export const logArb: fc.Arbitrary<Entry[]> = fc
  .array(fc.tuple(opArb, fc.nat(ATTENDEE_POOL.length - 1), fc.nat(STATIONS.length - 1), fc.integer({ min: 1, max: 30 })), {
    minLength: 1,
    maxLength: 40,
  })
  .map((ops) => {
    const entries: Entry[] = [];
    const checkinIds: { id: string; attendeeId: string }[] = [];
    ops.forEach(([op, who, where, ms], i) => {
      const station = STATIONS[where] ?? STATIONS[0];
      const attendeeId = ATTENDEE_POOL[who] ?? ATTENDEE_POOL[0];
      const base = { id: entryId(i + 1), station: station.name, hlc: formatHlc({ ms: 1_700_000_000_000 + ms, counter: 0, node: station.node }) };
      switch (op.kind) {
        case 'upsert':
          entries.push({ ...base, type: 'attendee.upsert', attendeeId, data: { fields: { [op.field]: op.value } } });
          break;
        case 'remove':
          entries.push({ ...base, type: 'attendee.remove', attendeeId, data: {} });
          break;
        case 'restore':
          entries.push({ ...base, type: 'attendee.restore', attendeeId, data: {} });
          break;
        case 'checkin':
          checkinIds.push({ id: base.id, attendeeId });
          entries.push({
            ...base,
            type: 'checkin',
            attendeeId,
            data: { source: 'search', scannedAt: new Date(1_700_000_000_000 + ms).toISOString(), ...(op.list ? { list: op.list } : {}) },
          });
          break;
        case 'undo': {
          // An undo names a check-in of the same attendee (what the service writes); one that names
          // a check-in never seen stays harmless.
          const target = checkinIds[op.pick % Math.max(1, checkinIds.length)] ?? { id: entryId(999_999), attendeeId };
          entries.push({ ...base, type: 'checkin.undo', attendeeId: target.attendeeId, data: { of: target.id } });
          break;
        }
        case 'print':
          entries.push({ ...base, type: 'badge.printed', attendeeId, data: { printer: 'QL', copies: op.copies } });
          break;
        case 'consent':
          entries.push({ ...base, type: 'attendee.upsert', attendeeId, data: { fields: { partnerConsent: op.value } } });
          break;
        case 'status':
          entries.push({ ...base, type: 'attendee.upsert', attendeeId, data: { fields: { registrationStatus: op.value } } });
          break;
        case 'presence':
          entries.push({ ...base, type: 'attendee.presence', attendeeId, data: { state: op.state } });
          break;
        case 'settings':
          entries.push({ ...base, type: 'settings.upsert', attendeeId: null, data: { fields: { eventName: op.value } } });
          break;
      }
    });
    return entries;
  });

/** The projection a database holds for the attendee pool, comparable with `foldEntries`. */
export function projectionOf(db: Db, attendeeIds: readonly string[]) {
  return {
    settings: readSettings(db),
    attendees: new Map(attendeeIds.flatMap((id) => {
      const attendee = findAttendee(db, id);
      return attendee ? [[id, attendee] as const] : [];
    })),
  };
}

/**
 * The conflict rule, stated independently of the code under test: the first arrival is the
 * earliest live check-in on any list; on each list the earliest live one is that list's, and
 * every later one on the same list is a conflict.
 */
export function expectedCheckins(entries: readonly Entry[], attendeeId: string): { official: string | null; conflicts: string[]; perList: Record<string, string> } {
  const undone = new Set(entries.flatMap((e) => (e.type === 'checkin.undo' ? [e.data.of] : [])));
  const live = [...new Map(entries.flatMap((e) => (e.type === 'checkin' && e.attendeeId === attendeeId && !undone.has(e.id) ? [[e.id, e] as const] : []))).values()];
  live.sort(compareStamp);
  const perList: Record<string, string> = {};
  const conflicts: string[] = [];
  for (const e of live) {
    const list = e.data.list ?? 'main';
    if (perList[list] === undefined) perList[list] = e.id;
    else conflicts.push(e.id);
  }
  return { official: live[0]?.id ?? null, conflicts, perList };
}

/** The presence rule, stated independently: the last arrival or mark by clock decides; no live check-in, not present. */
export function expectedPresent(entries: readonly Entry[], attendeeId: string): boolean {
  const { official, conflicts, perList } = expectedCheckins(entries, attendeeId);
  if (official === null) return false;
  const live = new Set([official, ...conflicts, ...Object.values(perList)]);
  const events = entries
    .filter((e) => e.attendeeId === attendeeId && ((e.type === 'checkin' && live.has(e.id)) || e.type === 'attendee.presence'))
    .sort(compareStamp);
  const last = events[events.length - 1];
  return !(last?.type === 'attendee.presence' && last.data.state === 'left');
}
