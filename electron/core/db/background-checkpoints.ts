import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './types';

/**
 * Moves WAL checkpoints off the thread that serves the desk.
 *
 * With SQLite's default, the connection that commits a transaction taking the WAL past 1,000 pages
 * copies the whole WAL into the database file right there, inside that commit: an import of
 * 100,000 people or a large pull then waits ~0.5 s longer for ~100 MB of copying and fsyncs, and
 * the station answers nothing meanwhile. Here the serving connection never checkpoints; a worker
 * thread with its own connection runs PASSIVE checkpoints (they never block readers or writers)
 * once a second. Durability is unchanged: a commit is durable once its WAL frames are synced
 * (`synchronous = FULL`); the checkpoint only moves them into the main file later.
 *
 * Long-running processes use this (the desktop app, `musubi station`, `musubi sync`); one-shot CLI
 * commands and tests keep SQLite's inline checkpoints.
 */

/**
 * How often the worker checkpoints. A PASSIVE checkpoint with nothing new to copy costs
 * microseconds; one that copies pays an fsync, and a page written again and again (a busy index
 * page) is copied once per checkpoint, so not much more often than SQLite's own 1,000-page cadence
 * under steady check-ins. (The worker must not read the -shm file itself to count waiting frames:
 * closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's too.)
 */
const CHECKPOINT_EVERY_MS = 1000;

// Plain CommonJS so it runs the same from source (tsx), from the Vite bundle and in Electron: the
// worker gets the resolved better-sqlite3 path instead of resolving it itself.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// Tells a close() waiting in the other thread that this connection is gone (or never opened).
const closed = new Int32Array(workerData.closed);
const signalClosed = () => {
  Atomics.store(closed, 0, 1);
  Atomics.notify(closed, 0);
};
let db;
try {
  const Database = require(workerData.driver);
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('synchronous = FULL');
} catch (error) {
  signalClosed();
  throw error;
}
const checkpoint = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy now; the next tick tries again */ }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message === 'checkpoint') {
    checkpoint();
    // Then empties the WAL file here, not in the next writer's commit (SQLite truncates a WAL past
    // journal_size_limit when it is started over: ~50 ms on the serving thread after a large
    // import's stretch). Never waits: with a reader or a writer on the WAL it gives up at once
    // (busy) and the next writer starts the WAL over as before.
    try {
      db.pragma('busy_timeout = 0');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch { /* busy: the next writer does it */ } finally {
      db.pragma('busy_timeout = 5000');
    }
    parentPort.postMessage('checkpointed');
    return;
  }
  clearInterval(timer);
  checkpoint();
  db.close();
  signalClosed();
  parentPort.close();
});
`;

/** How long `db.close()` waits for the worker's last checkpoint (SQLite's own close does the same work). */
const CLOSE_WAIT_MS = 10_000;

/**
 * Starts background checkpoints for a file database. They stop in `db.close()`, which waits until
 * the worker has closed its connection, so that after `close()` the database is one file again,
 * exactly as without this.
 */
/** Databases checkpointed by a worker: how to ask it for a checkpoint now. */
const checkpointNow = new WeakMap<Db, () => Promise<void>>();

/**
 * Has the background worker checkpoint now and resolves when it is done (at once for a database
 * without one: SQLite's own checkpoints run inside its commits). For a long write, which gives the
 * worker no moment without new frames: every PASSIVE checkpoint meanwhile copies what was there
 * when it began, and the WAL is only started again from its beginning once a checkpoint has caught
 * up with all of it. Without that the WAL of an import grows by every chunk (~0.5 GB for 100,000
 * people), and every page read looks through its whole index (one hash table per 4,096 frames).
 */
export function checkpointCaughtUp(db: Db): Promise<void> {
  return checkpointNow.get(db)?.() ?? Promise.resolve();
}

export function checkpointInBackground(db: Db): void {
  if (db.memory) return;
  db.pragma('wal_autocheckpoint = 0');
  // After a big import the WAL is reused from its start; keep the file from staying 100 MB on disk.
  db.pragma('journal_size_limit = 16777216');
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const closed = new SharedArrayBuffer(4);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: db.name, everyMs: CHECKPOINT_EVERY_MS, closed } });
  worker.unref();
  // Answers come in the order asked; a worker that has stopped answers none, so its askers are let go.
  const waiting: (() => void)[] = [];
  const releaseAll = (): void => {
    for (const resolve of waiting.splice(0)) resolve();
  };
  worker.on('message', () => waiting.shift()?.());
  worker.on('exit', () => {
    checkpointNow.delete(db);
    releaseAll();
  });
  checkpointNow.set(db, () => new Promise<void>((resolve) => {
    waiting.push(resolve);
    worker.postMessage('checkpoint');
  }));
  worker.on('error', (error) => {
    // Without the worker, fall back to SQLite's own checkpoints rather than letting the WAL grow.
    console.error(`musubi: background checkpoints stopped (${error.message}); the database checkpoints itself again`);
    if (db.open) db.pragma('wal_autocheckpoint = 1000');
  });
  const close = db.close.bind(db);
  db.close = (): Db => {
    checkpointNow.delete(db);
    releaseAll();
    worker.postMessage('stop');
    // Returns at once when the worker has already gone (it signals that too, and a second close).
    Atomics.wait(new Int32Array(closed), 0, 0, CLOSE_WAIT_MS);
    return close();
  };
}
