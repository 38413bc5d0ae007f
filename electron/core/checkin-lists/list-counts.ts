import { admits, DEFAULT_LIST_ID, eventLists } from '../../../shared/domain/checkin-lists';
import type { CheckinList, EventSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/types';

export interface ListCount {
  list: CheckinList;
  /** Registered people (walk-ins excluded) whose ticket type the list admits. */
  expected: number;
  /** People with a check-in on this list, walk-ins included. */
  checkedIn: number;
}

/**
 * Head counts per check-in list. A row without per-list check-ins (`list_checkins` NULL) has all
 * of its check-ins on the default list, as every row of a simple event does.
 */
export function listCounts(db: Db, settings: Pick<EventSettings, 'checkinLists'>): ListCount[] {
  const byTicketType = db
    .prepare('SELECT ticket_type, count(*) AS n FROM attendees WHERE removed = 0 AND walk_in = 0 GROUP BY ticket_type')
    .all() as { ticket_type: string; n: number }[];
  const checkedIn = db.prepare(
    `SELECT count(*) AS n FROM attendees WHERE removed = 0 AND CASE
       WHEN list_checkins IS NULL THEN checkin_id IS NOT NULL AND @list = '${DEFAULT_LIST_ID}'
       ELSE json_type(list_checkins, '$."' || @list || '"') IS NOT NULL END`,
  );
  return eventLists(settings).map((list) => ({
    list,
    expected: byTicketType.reduce((sum, row) => sum + (admits(list, row.ticket_type) ? row.n : 0), 0),
    checkedIn: (checkedIn.get({ list: list.id }) as { n: number }).n,
  }));
}
