import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendanceCounts, type AttendanceCounts } from '../../electron/core/attendees/counts';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { appendEntries } from '../../electron/core/log/append';
import type { Db } from '../../electron/core/db/types';
import type { Entry } from '../../shared/domain/entry';
import { logArb } from '../helpers/entries';

/** The counts as a scan of the whole table says: what the header showed before the kept counts. */
function countedByScan(db: Db | Database.Database): AttendanceCounts {
  const row = db
    .prepare(
      `SELECT coalesce(sum(walk_in = 0 AND registration_status = 'registered'), 0) AS expected,
         coalesce(sum(walk_in = 0 AND registration_status <> 'registered'), 0) AS notExpected,
         coalesce(sum(checkin_id IS NOT NULL), 0) AS checkedIn,
         coalesce(sum(walk_in = 0 AND registration_status = 'registered' AND checkin_id IS NOT NULL), 0) AS registeredCheckedIn,
         coalesce(sum(walk_in = 1), 0) AS walkIns,
         coalesce(sum(conflict_count > 0), 0) AS conflicts
       FROM attendees WHERE removed = 0`,
    )
    .get() as AttendanceCounts;
  return { ...row };
}

describe('the door counts kept by triggers', () => {
  it('equal a scan of the attendees after any log, in any order and batching (check-ins, undos, conflicts, removals, walk-ins)', () => {
    fc.assert(
      fc.property(
        logArb.chain((entries) => fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length }), fc.integer({ min: 1, max: 5 }))),
        ([, order, batch]) => {
          const db = openDatabase(':memory:');
          try {
            for (let at = 0; at < order.length; at += batch) {
              appendEntries(db, order.slice(at, at + batch) as Entry[]);
              expect(attendanceCounts(db)).toEqual(countedByScan(db));
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 120, seed: 20261201 },
    );
  });

  it('start from the people already in a file written before the counts were kept', () => {
    const older = new Database(':memory:');
    const kept = MIGRATIONS.findIndex((m) => m.name === 'door lookups without table scans');
    migrate(older, MIGRATIONS, { target: MIGRATIONS[kept - 1]!.version });
    const insert = older.prepare(
      `INSERT INTO attendees (id, name, walk_in, removed, checkin_id, conflict_count, registration_status) VALUES (?, 'x', ?, ?, ?, ?, ?)`,
    );
    const rows: [string, number, number, string | null, number, string][] = [
      ['a', 0, 0, 'c1', 0, 'registered'],
      ['b', 0, 0, null, 0, 'registered'],
      ['c', 1, 0, 'c2', 1, 'registered'],
      ['d', 0, 1, 'c3', 0, 'registered'],
      ['e', 0, 0, null, 0, 'cancelled'],
    ];
    for (const row of rows) insert.run(...row);
    migrate(older, MIGRATIONS);
    expect(attendanceCounts(older as unknown as Db)).toEqual({ expected: 2, notExpected: 1, checkedIn: 2, registeredCheckedIn: 1, walkIns: 1, conflicts: 1 });
    expect(attendanceCounts(older as unknown as Db)).toEqual(countedByScan(older));
    older.close();
  });
});
