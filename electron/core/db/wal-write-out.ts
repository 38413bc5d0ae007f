import fs from 'node:fs/promises';
import type { Db } from './types';

/**
 * Writes the WAL file's pages out to disk on libuv's thread pool, off the thread that serves the
 * desk. A long write commits its many short transactions with `synchronous = NORMAL`
 * (relaxed-transaction.ts), which leaves their pages in the operating system's cache; the next FULL
 * commit's fsync then has to write all of them, on the serving thread (65 ms after an import of
 * 50,000 people on the shared machine). Called before that commit, this leaves it little to
 * write. Only a speed-up: durability still comes from the commit's own fsync, and a failure here
 * is ignored. The file is opened read-only and no lock is taken: SQLite locks a WAL database
 * through the database and -shm files, never the -wal file, so closing this descriptor drops none
 * of its POSIX locks.
 */
export async function writeWalOut(db: Db): Promise<void> {
  if (db.memory) return;
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(`${db.name}-wal`, 'r');
  } catch {
    return; // No WAL file (nothing written yet, or not in WAL mode): nothing to write out.
  }
  try {
    await handle.datasync();
  } catch {
    // The commit's own fsync does the work then.
  } finally {
    await handle.close();
  }
}
