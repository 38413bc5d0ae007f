import type { Db } from '../db/types';
import { cachedStatement } from '../db/statements';

/** Head counts of the live (not removed) attendees; the status bar and the dashboard both read these. */
export interface AttendanceCounts {
  /** Registered in advance (walk-ins are not expected, nor are cancelled, waitlisted or unpaid registrations). */
  expected: number;
  /** Cancelled, waitlisted or unpaid registrations: kept, shown apart, not expected. */
  notExpected: number;
  /** Everyone with an official check-in, walk-ins included. */
  checkedIn: number;
  /** Registered people with an official check-in. */
  registeredCheckedIn: number;
  walkIns: number;
  /** People with a second, conflicting check-in (two doors while offline). */
  conflicts: number;
}

/** Read from the one-row table the triggers of migration 012 keep: no scan of the attendees per call. */
export function attendanceCounts(db: Db): AttendanceCounts {
  const row = cachedStatement(db, `SELECT expected, not_expected, checked_in, registered_in, walk_ins, conflicts FROM attendance_counts`).get() as
    | { expected: number; not_expected: number; checked_in: number; registered_in: number; walk_ins: number; conflicts: number }
    | undefined;
  if (!row) return { expected: 0, notExpected: 0, checkedIn: 0, registeredCheckedIn: 0, walkIns: 0, conflicts: 0 };
  return {
    expected: row.expected,
    notExpected: row.not_expected,
    checkedIn: row.checked_in,
    registeredCheckedIn: row.registered_in,
    walkIns: row.walk_ins,
    conflicts: row.conflicts,
  };
}
