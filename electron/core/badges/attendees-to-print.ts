import type { Attendee } from '../../../shared/domain/attendee';
import { ATTENDEE_COLUMNS, attendeeFromRow, type AttendeeRow } from '../attendees/queries';
import type { Db } from '../db/types';

/**
 * The people a badge batch is for (renderBadges sorts them by reading): not removed, and coming:
 * a registration that is cancelled, waitlisted or unpaid gets no pre-printed badge (nobody sorts
 * 30 badges of people who will not come out of the box on the day). Someone staff let in anyway
 * (checked in despite the status) is at the event, so their badge is printed like anyone's. A
 * single badge (`musubi badge`, the desk's print) is not filtered: staff asked for that person.
 */
export function listAttendeesForBadges(db: Db): Attendee[] {
  const rows = db
    .prepare(`SELECT ${ATTENDEE_COLUMNS} FROM attendees WHERE removed = 0 AND (registration_status = 'registered' OR checkin_id IS NOT NULL)`)
    .all() as AttendeeRow[];
  return rows.map((row) => attendeeFromRow(db, row));
}
