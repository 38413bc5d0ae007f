import type { SearchResult } from '../../../shared/api/contract';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/types';
import { searchIndexFor } from '../search/attendee-index';
import { ATTENDEE_COLUMNS, attendeeFromRow, type AttendeeRow } from './queries';

/**
 * Finds people by name (kanji, kana, romaji), company, e-mail or ticket code through the in-memory
 * index (search/attendee-index.ts), ranked exact ticket code → name/reading prefix → anything else,
 * and reads the first page's rows fresh from the table (so check-in marks are always current).
 * An empty query lists everyone by reading.
 */
const pageQueries = new WeakMap<Db, Statement<[string], AttendeeRow>>();

function pageQuery(db: Db): Statement<[string], AttendeeRow> {
  let query = pageQueries.get(db);
  if (!query) {
    query = db.prepare<[string], AttendeeRow>(`SELECT ${ATTENDEE_COLUMNS} FROM attendees WHERE id IN (SELECT value FROM json_each(?))`);
    pageQueries.set(db, query);
  }
  return query;
}

export function searchAttendees(db: Db, rawQuery: string, limit: number): SearchResult {
  const { ids, total } = searchIndexFor(db).search(rawQuery, limit);
  if (ids.length === 0) return { items: [], total };
  const rows = pageQuery(db).all(JSON.stringify(ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const items = ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [attendeeFromRow(db, row)] : [];
  });
  return { items, total };
}
