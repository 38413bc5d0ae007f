import type { Db } from '../db/types';

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

export function attendanceCounts(db: Db): AttendanceCounts {
  const row = db
    .prepare(
      `SELECT
         coalesce(sum(walk_in = 0 AND registration_status = 'registered'), 0) AS expected,
         coalesce(sum(walk_in = 0 AND registration_status <> 'registered'), 0) AS not_expected,
         coalesce(sum(checkin_id IS NOT NULL), 0) AS checked_in,
         coalesce(sum(walk_in = 0 AND registration_status = 'registered' AND checkin_id IS NOT NULL), 0) AS registered_in,
         coalesce(sum(walk_in = 1), 0) AS walk_ins,
         coalesce(sum(conflict_count > 0), 0) AS conflicts
       FROM attendees WHERE removed = 0`,
    )
    .get() as { expected: number; not_expected: number; checked_in: number; registered_in: number; walk_ins: number; conflicts: number };
  return { expected: row.expected, notExpected: row.not_expected, checkedIn: row.checked_in, registeredCheckedIn: row.registered_in, walkIns: row.walk_ins, conflicts: row.conflicts };
}
