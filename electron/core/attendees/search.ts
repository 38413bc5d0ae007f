import type { SearchResult } from '../../../shared/api/contract';
import { normalizeForSearch } from '../../../shared/text/normalize';
import type { Db } from '../db/types';
import { ATTENDEE_COLUMNS, attendeeFromRow, type AttendeeRow } from './queries';
import { FIELD_SEPARATOR } from './search-text';

interface RankedRow extends AttendeeRow {
  search_text: string;
}

/** Lower is better: exact ticket code, then name or reading prefix, then any substring. */
function rankOf(row: RankedRow, query: string): number {
  const [ticket = '', name = '', kana = ''] = row.search_text.split(FIELD_SEPARATOR);
  if (ticket === query) return 0;
  if (name.startsWith(query) || kana.startsWith(query)) return 1;
  return 2;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * A plain, correct search over the normalised search column: substring match, ranked, first page
 * plus total. An empty query lists everyone by reading.
 */
export function searchAttendees(db: Db, rawQuery: string, limit: number): SearchResult {
  const query = normalizeForSearch(rawQuery);
  const rows = db
    .prepare(
      `SELECT ${ATTENDEE_COLUMNS}, search_text FROM attendees
       WHERE removed = 0 AND search_text LIKE ? ESCAPE '\\'`,
    )
    .all(`%${escapeLike(query)}%`) as RankedRow[];
  const ranked = rows
    .map((row) => ({ row, rank: query === '' ? 1 : rankOf(row, query) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.row.name_kana.localeCompare(b.row.name_kana, 'ja') ||
        a.row.name.localeCompare(b.row.name, 'ja') ||
        a.row.id.localeCompare(b.row.id),
    );
  return {
    items: ranked.slice(0, limit).map(({ row }) => attendeeFromRow(db, row)),
    total: ranked.length,
  };
}
