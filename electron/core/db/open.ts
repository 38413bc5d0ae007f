import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MusubiError } from '../../../shared/errors';
import { checkpointInBackground } from './background-checkpoints';
import { migrate } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Db } from './types';

export interface OpenOptions {
  /** Skip migrations (used by migration tests that step through versions themselves). */
  migrate?: boolean;
  /**
   * Checkpoint the WAL from a worker thread instead of inside commits (background-checkpoints.ts).
   * For long-running processes that serve a desk: the app, `musubi station`, `musubi sync`.
   */
  checkpointInBackground?: boolean;
}

/**
 * Opens (creating if needed) a Musubi database file: WAL so readers never block the check-in
 * writer, `synchronous = FULL` because a check-in must survive a power cut at the door,
 * foreign keys on. The file is created readable by the current user only: it holds personal data.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new MusubiError('internal', `Cannot open the database ${file}: ${(error as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // A 64 MB page cache (SQLite's default is 2 MB): a 100,000-person event is ~100 MB of tables and
    // indexes, and with the default cache every bulk write (import, a big pull) re-reads index pages
    // it touched a moment ago. Memory is only used as pages are actually read.
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    if (options.migrate !== false) migrate(db, MIGRATIONS);
    if (options.checkpointInBackground) checkpointInBackground(db);
  } catch (error) {
    db.close();
    if (error instanceof MusubiError) throw error;
    throw new MusubiError('internal', `Cannot open the database ${file}: ${(error as Error).message}`);
  }
  return db;
}
