import type { Attendee } from '../../../shared/domain/attendee';
import { ATTENDEE_COLUMNS, attendeeFromRow, type AttendeeRow } from '../attendees/queries';
import type { Db } from '../db/types';

/** Every attendee that is not removed, for badge sheets (renderBadges sorts them by reading). */
export function listAttendeesForBadges(db: Db): Attendee[] {
  const rows = db.prepare(`SELECT ${ATTENDEE_COLUMNS} FROM attendees WHERE removed = 0`).all() as AttendeeRow[];
  return rows.map((row) => attendeeFromRow(db, row));
}
