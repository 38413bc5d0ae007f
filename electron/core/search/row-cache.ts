import type { Statement } from 'better-sqlite3';
import type { AttendeeRow } from '../attendees/queries';
import type { Db } from '../db/types';
import { onAttendeeRefreshed } from '../projection/attendee-listeners';
import { searchIndexFor } from './attendee-index';

/**
 * The attendee rows of recent result pages, so that typing one more letter does not read the same
 * 50 rows again (reading them costs more than the search itself). Correct for the same reasons as
 * the index: the projection evicts every rewritten row (check-ins included, so "checked in" marks
 * are never stale); nothing is cached inside an open transaction (it may roll back); and a write by
 * another connection rebuilds the index, whose new generation empties the cache.
 */
const LIMIT = 5000;

class RowCache {
  private rows = new Map<string, AttendeeRow>();
  private generation = -1;
  private readonly read: Statement<[string], AttendeeRow>;

  constructor(
    private readonly db: Db,
    columns: string,
  ) {
    this.read = db.prepare<[string], AttendeeRow>(`SELECT ${columns} FROM attendees WHERE id IN (SELECT value FROM json_each(?))`);
    onAttendeeRefreshed(db, (id) => this.rows.delete(id));
  }

  /** The rows of `ids` (call right after a search, which brings the index generation up to date). */
  get(ids: readonly string[]): Map<string, AttendeeRow> {
    const generation = searchIndexFor(this.db).generation;
    if (generation !== this.generation) {
      this.rows.clear();
      this.generation = generation;
    }
    const found = new Map<string, AttendeeRow>();
    const missing: string[] = [];
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row) found.set(id, row);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const cacheable = !this.db.inTransaction;
    if (this.rows.size + missing.length > LIMIT) this.rows.clear();
    for (const row of this.read.all(JSON.stringify(missing))) {
      found.set(row.id, row);
      if (cacheable) this.rows.set(row.id, row);
    }
    return found;
  }
}

const caches = new WeakMap<Db, RowCache>();

export function rowCacheFor(db: Db, columns: string): RowCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new RowCache(db, columns);
    caches.set(db, cache);
  }
  return cache;
}
