import { ticketCodeFromPayload } from '../../../shared/text/ticket-payload';
import type { Db } from '../db/types';
import { cachedStatement } from '../db/statements';

/** The attendee id holding exactly this ticket code (compared without case), if any. */
function holderOfCode(db: Db, code: string): string | undefined {
  const row = cachedStatement(db, `SELECT id FROM attendees WHERE removed = 0 AND ticket_code <> '' AND ticket_code = ? COLLATE NOCASE LIMIT 1`).get(code) as
    | { id: string }
    | undefined;
  return row?.id;
}

/** The one attendee a scanned or typed payload names (the desk's and the kiosk's shared rule). */
export function holderOfPayload(db: Db, payload: string): string | undefined {
  const code = ticketCodeFromPayload(payload, (candidate) => holderOfCode(db, candidate));
  return code === undefined ? undefined : holderOfCode(db, code);
}
