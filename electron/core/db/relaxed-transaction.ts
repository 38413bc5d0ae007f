import { cachedStatement } from './statements';
import type { Db } from './types';

/**
 * Runs `work` in one IMMEDIATE transaction committed with `synchronous = NORMAL`, for the many
 * small transactions of a long write whose loss in a power cut is harmless (a staged import chunk,
 * a pulled page with its cursor, a piece of the search snapshot): WAL keeps each one atomic, and
 * only a suffix of commits can be lost, which the writer redoes. Without it every one of them would
 * wait for its own fsync on the thread that answers the desk. The setting is restored before the
 * event loop runs again, so the desk's check-ins stay FULL.
 *
 * The pragmas are prepared once per database (`db.pragma()` compiles its statement on every call:
 * three compilations per chunk, ~2 % of an import's time).
 */
export function relaxedTransaction<T>(db: Db, work: () => T): T {
  const before = (cachedStatement(db, 'PRAGMA synchronous').get() as { synchronous: number }).synchronous;
  cachedStatement(db, 'PRAGMA synchronous = NORMAL').run();
  try {
    return db.transaction(work).immediate();
  } finally {
    cachedStatement(db, `PRAGMA synchronous = ${before}`).run();
  }
}
