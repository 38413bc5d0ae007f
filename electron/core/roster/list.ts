import type { RosterFilter, RosterPage, RosterRow } from '../../../shared/api/methods/roster';
import { ATTENDEE_COLUMNS, attendeeFromRow, type AttendeeRow } from '../attendees/queries';
import type { Db } from '../db/types';
import { searchIndexFor } from '../search/attendee-index';
import { BY_READING } from './reading-index';

/** Enough for every attendee an event may hold; the search index ranks them all. */
const MAX_QUERY_MATCHES = 1_000_000;

interface Conditions {
  sql: string[];
  params: Record<string, unknown>;
}

/** The filter as SQL conditions on `attendees`, each a column the index or a cheap test covers. */
function conditionsOf(filter: RosterFilter): Conditions {
  const sql: string[] = [];
  const params: Record<string, unknown> = {};
  sql.push(filter.status === 'removed' ? 'removed = 1' : 'removed = 0');
  // Not arrived means expected and not in: the rule of shared/domain/roster-state.ts and of the
  // dashboard's "expected" count (migration 012), so cancelled people are not 未来場.
  if (filter.status === 'expected') sql.push("checkin_id IS NULL AND walk_in = 0 AND registration_status = 'registered'");
  if (filter.status === 'checked-in') sql.push('checkin_id IS NOT NULL');
  if (filter.checkedIn !== undefined) sql.push(filter.checkedIn ? 'checkin_id IS NOT NULL' : 'checkin_id IS NULL');
  if (filter.registration !== undefined) {
    sql.push('registration_status = @registration');
    params.registration = filter.registration;
  }
  if (filter.industry !== undefined) {
    sql.push('industry = @industry');
    params.industry = filter.industry;
  }
  if (filter.goal !== undefined) {
    sql.push('EXISTS (SELECT 1 FROM json_each(goals) WHERE json_each.value = @goal)');
    params.goal = filter.goal;
  }
  return { sql, params };
}

function rowsToPage(db: Db, rows: (AttendeeRow & { removed: number })[], total: number, offset: number): RosterPage {
  const items: RosterRow[] = rows.map((row) => ({ ...attendeeFromRow(db, row), removed: row.removed === 1 }));
  return { items, total, offset };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * One page of the organizer's attendee list. Without a query: everyone matching the filter by
 * reading, paged in SQL over the reading index (reading-index.ts; while an import of many new
 * people is applied it is absent, and a page sorts the table instead). With a query: the people
 * the desk's search finds, in its ranking, narrowed by the filter. Removed people are not in the
 * search index, so a query among them is a plain substring match (they are few).
 */
export function listAttendees(db: Db, input: { offset: number; limit: number; filter: RosterFilter; query?: string | undefined }): RosterPage {
  const { offset, limit, filter } = input;
  const query = input.query?.trim() ?? '';
  const where = conditionsOf(filter);
  const page = { ...where.params, offset, limit };

  if (query !== '' && filter.status !== 'removed') {
    const { ids } = searchIndexFor(db).search(query, MAX_QUERY_MATCHES);
    const hits = JSON.stringify(ids);
    const from = `WITH hit (rank, aid) AS (SELECT key, value FROM json_each(@hits))
      SELECT %COLUMNS% FROM hit JOIN attendees ON attendees.id = hit.aid WHERE ${where.sql.join(' AND ')}`;
    const total = (db.prepare(from.replace('%COLUMNS%', 'count(*) AS n')).get({ ...where.params, hits }) as { n: number }).n;
    const rows = db
      .prepare(`${from.replace('%COLUMNS%', `${ATTENDEE_COLUMNS}, removed`)} ORDER BY hit.rank LIMIT @limit OFFSET @offset`)
      .all({ ...page, hits }) as (AttendeeRow & { removed: number })[];
    return rowsToPage(db, rows, total, offset);
  }

  if (query !== '') {
    where.sql.push(
      `(name LIKE @like ESCAPE '\\' OR name_kana LIKE @like ESCAPE '\\' OR company LIKE @like ESCAPE '\\'
        OR email LIKE @like ESCAPE '\\' OR ticket_code LIKE @like ESCAPE '\\')`,
    );
    where.params.like = `%${escapeLike(query)}%`;
  }
  const conditions = where.sql.join(' AND ');
  const total = (db.prepare(`SELECT count(*) AS n FROM attendees WHERE ${conditions}`).get(where.params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${ATTENDEE_COLUMNS}, removed FROM attendees WHERE ${conditions} ORDER BY ${BY_READING} LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, offset, limit }) as (AttendeeRow & { removed: number })[];
  return rowsToPage(db, rows, total, offset);
}

/** One row of the list, removed or not; undefined when the log has no such attendee. */
export function findRosterRow(db: Db, id: string): RosterRow | undefined {
  const row = db.prepare(`SELECT ${ATTENDEE_COLUMNS}, removed FROM attendees WHERE id = ?`).get(id) as
    | (AttendeeRow & { removed: number })
    | undefined;
  return row ? { ...attendeeFromRow(db, row), removed: row.removed === 1 } : undefined;
}
