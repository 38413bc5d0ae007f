import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStamp, type Entry } from '../../shared/domain/entry';
import { foldEntries } from '../../shared/domain/fold';
import { formatHlc } from '../../shared/domain/hlc';
import { ATTENDEE_POOL, logArb } from '../helpers/entries';

const A = '01900000-0000-7000-8000-00000000000a';
const stamp = (ms: number, node = 'n1') => formatHlc({ ms, counter: 0, node });
let serial = 0;
const id = () => `01900000-0000-7000-8000-${String(++serial).padStart(12, '0')}`;

function upsert(ms: number, fields: Record<string, unknown>, attendeeId = A, station = 'Door A'): Entry {
  return { id: id(), station, hlc: stamp(ms), type: 'attendee.upsert', attendeeId, data: { fields } } as Entry;
}
function checkin(ms: number, station = 'Door A', node = 'n1', list?: string): Entry {
  return {
    id: id(),
    station,
    hlc: stamp(ms, node),
    type: 'checkin',
    attendeeId: A,
    data: { source: 'search', scannedAt: new Date(ms).toISOString(), ...(list ? { list } : {}) },
  };
}
function undo(ms: number, of: string): Entry {
  return { id: id(), station: 'Door A', hlc: stamp(ms), type: 'checkin.undo', attendeeId: A, data: { of } };
}

describe('log → projection fold', () => {
  it('takes the latest write per field, independently for each field', () => {
    const projection = foldEntries([
      upsert(1, { name: '山田 太郎', company: '旧社名' }),
      upsert(3, { company: '新社名' }),
      upsert(2, { name: '山田 太朗' }),
    ]);
    const attendee = projection.attendees.get(A);
    expect(attendee?.name).toBe('山田 太朗');
    expect(attendee?.company).toBe('新社名');
  });

  it('makes the earliest check-in by clock official and flags the later one as a conflict', () => {
    const early = checkin(100, 'Door B', 'n2');
    const late = checkin(200, 'Door A', 'n1');
    const attendee = foldEntries([upsert(1, { name: 'A' }), late, early]).attendees.get(A);
    expect(attendee?.checkedIn?.station).toBe('Door B');
    expect(attendee?.conflicts.map((c) => c.station)).toEqual(['Door A']);
  });

  it('undo removes exactly the check-in it names, even when it arrives first', () => {
    const first = checkin(100);
    const second = checkin(200, 'Door B', 'n2');
    const attendee = foldEntries([undo(300, first.id), upsert(1, { name: 'A' }), second, first]).attendees.get(A);
    expect(attendee?.checkedIn?.checkinId).toBe(second.id);
    expect(attendee?.conflicts).toEqual([]);
  });

  it('a removed attendee disappears whatever came after', () => {
    const removal: Entry = { id: id(), station: 'x', hlc: stamp(5), type: 'attendee.remove', attendeeId: A, data: {} };
    expect(foldEntries([upsert(1, { name: 'A' }), removal, upsert(9, { name: 'B' })]).attendees.size).toBe(0);
  });

  it('a restore stamped after the removal brings the person back with their check-in; an older one does not', () => {
    const removal = (ms: number): Entry => ({ id: id(), station: 'x', hlc: stamp(ms), type: 'attendee.remove', attendeeId: A, data: {} });
    const restore = (ms: number): Entry => ({ id: id(), station: 'y', hlc: stamp(ms), type: 'attendee.restore', attendeeId: A, data: {} });
    const seen = checkin(3);
    const back = foldEntries([restore(7), upsert(1, { name: '林' }), seen, removal(5)]).attendees.get(A);
    expect(back?.name).toBe('林');
    expect(back?.checkedIn?.checkinId).toBe(seen.id);
    expect(foldEntries([upsert(1, { name: '林' }), restore(4), removal(5)]).attendees.size).toBe(0);
    expect(foldEntries([upsert(1, { name: '林' }), removal(5), restore(7), removal(9)]).attendees.size).toBe(0);
  });

  it('removed or not is decided by the latest removal or restore by clock, for any log', () => {
    fc.assert(
      fc.property(logArb, (entries) => {
        const shown = foldEntries(entries);
        for (const attendeeId of ATTENDEE_POOL) {
          const decisive = entries
            .filter((e) => e.attendeeId === attendeeId && (e.type === 'attendee.remove' || e.type === 'attendee.restore'))
            .sort(compareStamp)
            .at(-1);
          const known = entries.some((e) => e.attendeeId === attendeeId && e.type === 'attendee.upsert');
          expect(shown.attendees.has(attendeeId)).toBe(known && decisive?.type !== 'attendee.remove');
        }
      }),
      { numRuns: 300, seed: 14 },
    );
  });

  it('counts badge copies printed', () => {
    const print = (ms: number, copies: number): Entry => ({
      id: id(),
      station: 'x',
      hlc: stamp(ms),
      type: 'badge.printed',
      attendeeId: A,
      data: { printer: 'QL', copies },
    });
    expect(foldEntries([upsert(1, { name: 'A' }), print(2, 1), print(3, 2)]).attendees.get(A)?.badgePrints).toBe(3);
  });

  it('gives the same projection for any order and any duplication of the same entries', () => {
    const first = checkin(100);
    const entries: Entry[] = [
      upsert(1, { name: '林', company: 'X' }),
      upsert(2, { company: 'Y' }, A, 'Door B'),
      first,
      checkin(150, 'Door B', 'n2'),
      undo(160, first.id),
      { id: id(), station: 'x', hlc: stamp(170), type: 'attendee.remove', attendeeId: A, data: {} },
      { id: id(), station: 'y', hlc: stamp(170, 'n2'), type: 'attendee.restore', attendeeId: A, data: {} },
      { id: id(), station: 'x', hlc: stamp(4), type: 'settings.upsert', attendeeId: null, data: { fields: { eventName: '交流会' } } },
    ];
    const expected = foldEntries(entries);
    fc.assert(
      fc.property(fc.shuffledSubarray(entries, { minLength: entries.length }), fc.array(fc.nat(entries.length - 1)), (shuffled, dupes) => {
        const withDupes = [...shuffled, ...dupes.map((i) => entries[i] as Entry)];
        expect(foldEntries(withDupes)).toEqual(expected);
      }),
    );
  });

  describe('check-in lists', () => {
    // Each row: check-ins as [ms, list or undefined for the default], which are undone (by index),
    // then what the person shows: the first arrival, each list's check-in and the conflicts (by index).
    const table: {
      name: string;
      checkins: [number, string | undefined][];
      undo?: number[];
      first: number | null;
      lists: Record<string, number> | undefined;
      conflicts: number[];
    }[] = [
      { name: 'a simple event: no list anywhere, no per-list record', checkins: [[100, undefined]], first: 0, lists: undefined, conflicts: [] },
      { name: 'the default list spelled out is the default list', checkins: [[100, 'main'], [200, undefined]], first: 0, lists: undefined, conflicts: [1] },
      { name: 'seminar then party: two lists, no conflict', checkins: [[100, 'seminar'], [200, 'party']], first: 0, lists: { seminar: 0, party: 1 }, conflicts: [] },
      { name: 'party twice: the later one is a conflict', checkins: [[300, 'party'], [100, 'party']], first: 1, lists: { party: 1 }, conflicts: [0] },
      { name: 'an old default check-in beside a party one', checkins: [[100, undefined], [200, 'party']], first: 0, lists: { main: 0, party: 1 }, conflicts: [] },
      { name: 'undoing the seminar check-in leaves the party one as first arrival', checkins: [[100, 'seminar'], [200, 'party']], undo: [0], first: 1, lists: { party: 1 }, conflicts: [] },
      { name: 'undoing the only non-default check-in drops the per-list record', checkins: [[100, undefined], [200, 'party']], undo: [1], first: 0, lists: undefined, conflicts: [] },
    ];
    for (const row of table) {
      it(row.name, () => {
        const made = row.checkins.map(([ms, list], i) => checkin(ms, `Door ${i}`, `n${i}`, list));
        const undos = (row.undo ?? []).map((i) => undo(900 + i, (made[i] as Entry).id));
        const entries = [upsert(1, { name: '林', ticketType: 'セミナーのみ' }), ...made, ...undos];
        for (const order of [entries, [...entries].reverse()]) {
          const attendee = foldEntries(order).attendees.get(A);
          expect(attendee?.ticketType).toBe('セミナーのみ');
          expect(attendee?.checkedIn?.checkinId ?? null).toBe(row.first === null ? null : made[row.first]?.id);
          expect(attendee?.lists && Object.fromEntries(Object.entries(attendee.lists).map(([l, c]) => [l, c.checkinId]))).toEqual(
            row.lists && Object.fromEntries(Object.entries(row.lists).map(([l, i]) => [l, made[i]?.id])),
          );
          expect(attendee?.conflicts.map((c) => c.checkinId)).toEqual(row.conflicts.map((i) => made[i]?.id));
        }
      });
    }

    it('names the list on a check-in only when it is not the default one', () => {
      const party = checkin(200, 'Door B', 'n2', 'party');
      const attendee = foldEntries([upsert(1, { name: '林' }), checkin(100, 'Door A', 'n1', 'main'), party]).attendees.get(A);
      expect(attendee?.checkedIn).not.toHaveProperty('list');
      expect(attendee?.lists?.party).toMatchObject({ checkinId: party.id, list: 'party', station: 'Door B' });
    });
  });
});
