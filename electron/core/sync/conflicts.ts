import type { ConflictItem } from '../../../shared/api/methods/sync';
import { ATTENDEE_COLUMNS, attendeeFromRow, type AttendeeRow } from '../attendees/queries';
import type { Db } from '../db/types';

/**
 * Attendees checked in more than once (two doors while offline): the official check-in (earliest
 * by clock) and the others, for the organizer's conflict list. Latest conflicts first.
 */
export function listConflicts(db: Db): ConflictItem[] {
  const rows = db
    .prepare(`SELECT ${ATTENDEE_COLUMNS} FROM attendees WHERE removed = 0 AND conflict_count > 0 ORDER BY checked_in_at DESC LIMIT 1000`)
    .all() as AttendeeRow[];
  const items: ConflictItem[] = [];
  for (const row of rows) {
    const attendee = attendeeFromRow(db, row);
    if (!attendee.checkedIn) continue;
    items.push({
      attendeeId: attendee.id,
      name: attendee.name,
      ticketCode: attendee.ticketCode,
      official: attendee.checkedIn,
      others: attendee.conflicts,
    });
  }
  return items;
}
