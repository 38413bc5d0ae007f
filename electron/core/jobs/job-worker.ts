/**
 * The worker thread's entry (built by Vite into dist-electron/job-worker.js; run from source
 * through tsx in tests): opens the event's database read-only, runs the one job it was started
 * for, posts its steps and its answer, and ends. A read-only connection cannot write a byte of the
 * event by mistake, and WAL lets it read beside the station's writer without holding it up. It
 * runs at the lowest CPU priority (background-priority.ts): the desk's answers come first.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { MusubiError } from '../../../shared/errors';
import { lowerThisThreadPriority } from '../workers/background-priority';
import { runJobOn, type JobMessage, type JobRequest } from './job-list';

const post = (message: JobMessage): void => parentPort?.postMessage(message);

async function run({ file, name, input }: JobRequest): Promise<void> {
  lowerThisThreadPriority();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    post({ type: 'step', step: 'reading' });
    const result = await runJobOn(db, name, input, (step) => post({ type: 'step', step }));
    post({ type: 'result', result });
  } finally {
    db.close();
  }
}

run(workerData as JobRequest).catch((error: unknown) => {
  const shape = error instanceof MusubiError ? error.toShape() : { code: 'internal' as const, message: (error as Error).message };
  post({ type: 'error', error: shape });
});
