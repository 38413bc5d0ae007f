import type { Db } from '../db/types';
import { cachedStatement } from '../db/statements';

/**
 * How many local entries wait to be pushed: what the sync indicator shows. Kept by triggers as
 * entries are written and the pushed mark moves (migration 013), so asking costs one row however
 * large the event is; the same number as counting the local entries after `sync.pushed_seq`.
 */
export function countWaiting(db: Db): number {
  return (cachedStatement(db, 'SELECT waiting FROM sync_waiting').get() as { waiting: number }).waiting;
}

