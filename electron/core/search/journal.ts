import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';

/**
 * Reads `search_journal` (migration 010): which people changed, in the order the changes were
 * committed, whichever connection wrote them. Every writer's transaction holds the write lock from
 * its first journal row to its commit, so seq numbers are committed in order, and a reader outside
 * a transaction never sees a later number before an earlier one.
 */

/** The highest seq ever handed out (0 for none): everything up to it is committed or rolled back. */
export function journalHighWater(db: Db): number {
  const row = cachedStatement(db, "SELECT seq FROM sqlite_sequence WHERE name = 'search_journal'").get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}

export interface JournalDelta {
  /** The people changed after `seq` (each once). */
  ids: Set<string>;
  /** The last seq read (`seq` when nothing was). */
  last: number;
}

export function journalSince(db: Db, seq: number): JournalDelta {
  const rows = cachedStatement(db, 'SELECT seq, attendee_id AS id FROM search_journal WHERE seq > ? ORDER BY seq').all(seq) as { seq: number; id: string }[];
  const ids = new Set<string>();
  for (const row of rows) ids.add(row.id);
  return { ids, last: rows.at(-1)?.seq ?? seq };
}

/** The seq of the newest complete snapshot (0 for none): the journal up to it may be pruned. */
export function newestSnapshotSeq(db: Db): number {
  const row = cachedStatement(db, 'SELECT seq FROM search_snapshots ORDER BY id DESC LIMIT 1').get() as { seq: number } | undefined;
  return row?.seq ?? 0;
}
