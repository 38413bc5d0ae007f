import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { appendEntries } from '../../electron/core/log/append';
import type { Entry } from '../../shared/domain/entry';
import { checkinOnList } from '../../shared/domain/checkin-lists';
import { foldEntries } from '../../shared/domain/fold';
import { ATTENDEE_POOL, expectedCheckins, expectedPresent, logArb, projectionOf } from '../helpers/entries';

/**
 * What sync relies on: the SQLite projection (built incrementally by appendEntries) equals the
 * reference fold of the same *set* of entries, whatever the interleaving, batching, duplication and
 * order in which a station receives them.
 */
const deliveryArb = (entries: Entry[]) =>
  fc.tuple(
    fc.shuffledSubarray(entries, { minLength: entries.length }),
    fc.array(fc.nat(entries.length - 1), { maxLength: 10 }),
    fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 }),
  );

function deliver(order: Entry[], dupes: number[], entries: Entry[], batchSizes: number[]): Entry[][] {
  const stream = [...order];
  for (const [i, pick] of dupes.entries()) stream.splice((i * 7) % (stream.length + 1), 0, entries[pick] as Entry);
  const batches: Entry[][] = [];
  let at = 0;
  for (let b = 0; at < stream.length; b++) {
    const size = batchSizes[b % batchSizes.length] ?? 1;
    batches.push(stream.slice(at, at + size));
    at += size;
  }
  return batches;
}

describe('SQLite projection under any delivery of the same entries', () => {
  it('equals foldEntries of the set for any interleaving, batching, duplication and order', () => {
    fc.assert(
      fc.property(logArb.chain((entries) => fc.tuple(fc.constant(entries), deliveryArb(entries))), ([entries, [order, dupes, sizes]]) => {
        const db = openDatabase(':memory:');
        try {
          for (const batch of deliver(order, dupes, entries, sizes)) appendEntries(db, batch);
          expect(projectionOf(db, ATTENDEE_POOL)).toEqual(foldEntries(entries));
          expect(db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: entries.length });
        } finally {
          db.close();
        }
      }),
      { numRuns: 150, seed: 20261124 },
    );
  });

  it('two stations receiving the same entries in different orders show the same thing', () => {
    fc.assert(
      fc.property(logArb.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }))), ([entries, other]) => {
        const a = openDatabase(':memory:');
        const b = openDatabase(':memory:');
        try {
          appendEntries(a, entries);
          for (const entry of other) appendEntries(b, [entry]);
          expect(projectionOf(a, ATTENDEE_POOL)).toEqual(projectionOf(b, ATTENDEE_POOL));
        } finally {
          a.close();
          b.close();
        }
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('per list the earliest not-undone check-in by clock is that list\'s, a later one on the same list is a flagged conflict, the first arrival is the earliest on any list; undo removes exactly the one it names', () => {
    fc.assert(
      fc.property(logArb.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }))), ([entries, order]) => {
        const db = openDatabase(':memory:');
        try {
          appendEntries(db, order);
          const shown = projectionOf(db, ATTENDEE_POOL);
          for (const [id, attendee] of shown.attendees) {
            const expected = expectedCheckins(entries, id);
            expect(attendee.checkedIn?.checkinId ?? null).toBe(expected.official);
            expect(attendee.conflicts.map((c) => c.checkinId)).toEqual(expected.conflicts);
            for (const list of ['main', 'party', 'seminar']) {
              expect(checkinOnList(attendee, list)?.checkinId ?? null).toBe(expected.perList[list] ?? null);
            }
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 100, seed: 11 },
    );
  });

  it('a person is present when checked in and the latest of their live check-ins and presence marks is not "I have left"', () => {
    fc.assert(
      fc.property(logArb.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }))), ([entries, order]) => {
        const db = openDatabase(':memory:');
        try {
          for (const entry of order) appendEntries(db, [entry]);
          for (const [id, attendee] of projectionOf(db, ATTENDEE_POOL).attendees) {
            expect(attendee.checkedIn !== null && !attendee.left).toBe(expectedPresent(entries, id));
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 100, seed: 18 },
    );
  });
});
