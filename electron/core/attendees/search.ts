import type { SearchResult } from '../../../shared/api/contract';
import type { Db } from '../db/types';
import { searchIndexFor } from '../search/attendee-index';
import { rowCacheFor } from '../search/row-cache';
import { ATTENDEE_COLUMNS, attendeeFromRow } from './queries';

/**
 * Finds people by name (kanji, kana, romaji), company, e-mail or ticket code through the in-memory
 * index (search/attendee-index.ts), ranked exact ticket code → name/reading prefix → anything else,
 * and returns the first page's attendees as the projection holds them now (check-in marks
 * included; see search/row-cache.ts). An empty query lists everyone by reading.
 */
export function searchAttendees(db: Db, rawQuery: string, limit: number): SearchResult {
  const { ids, total } = searchIndexFor(db).search(rawQuery, limit);
  if (ids.length === 0) return { items: [], total };
  const rows = rowCacheFor(db, ATTENDEE_COLUMNS).get(ids);
  const items = ids.flatMap((id) => {
    const row = rows.get(id);
    return row ? [attendeeFromRow(db, row)] : [];
  });
  return { items, total };
}
