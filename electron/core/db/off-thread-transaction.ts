import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from './types';

/** One statement of an off-thread transaction, with its positional parameters. */
export interface OffThreadStatement {
  sql: string;
  params?: readonly (string | number | null)[];
}

/**
 * Runs `statements` in one IMMEDIATE transaction, committed with `synchronous = FULL`, on a
 * connection of a worker thread's own: for the rare write that is one long statement and cannot
 * be cut into slices (building an index over the whole attendee table takes ~120 ms at 100,000
 * people), which on the thread serving the desk would hold every search and page for that long.
 * Meanwhile that thread keeps answering; only a write it starts waits for the lock.
 *
 * The statements must be safe to run twice (`IF NOT EXISTS`, a delete by key): when the worker
 * cannot do the work (it failed to start, its connection was busy past the timeout, it stopped),
 * they run here instead, so the outcome never depends on the worker. An in-memory database (tests)
 * cannot be opened twice, so its statements always run here.
 */
export async function runOffThread(db: Db, statements: readonly OffThreadStatement[]): Promise<void> {
  if (!db.memory) {
    try {
      await inWorker(db.name, statements);
      return;
    } catch {
      // Done here below; the transaction in the worker was rolled back or never began.
    }
  }
  runHere(db, statements);
}

function runHere(db: Db, statements: readonly OffThreadStatement[]): void {
  db.transaction(() => {
    for (const { sql, params = [] } of statements) db.prepare(sql).run(...params);
  }).immediate();
}

// Plain CommonJS so it runs the same from source (tsx), from the Vite bundle and in Electron, as the
// checkpoint worker does (background-checkpoints.ts): the worker gets the resolved driver's path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
try {
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    for (const { sql, params } of workerData.statements) db.prepare(sql).run(...(params || []));
  }).immediate();
  parentPort.postMessage('done');
} finally {
  db.close();
}
`;

function inWorker(file: string, statements: readonly OffThreadStatement[]): Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise<void>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, statements } });
    let done = false;
    worker.on('message', () => {
      done = true;
      resolve();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`the worker ended without committing (exit code ${code})`));
    });
  });
}
