import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobStep } from '../../../shared/api/methods/jobs';
import { MusubiError } from '../../../shared/errors';
import type { Db } from '../db/types';
import { runJobOn, type JobInput, type JobMessage, type JobName, type JobRequest, type JobResult } from './job-list';

/**
 * Where the worker's entry is: `job-worker.js` beside the bundle's chunks once built (the one Vite
 * build emits it as an entry of its own), else the TypeScript source beside this file, run
 * through tsx (tests and benches run from source). Built as a plain path: Vite would rewrite a
 * `new URL('./…', import.meta.url)` into an inlined asset.
 */
function workerEntry(): { file: string; execArgv?: string[] } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, 'job-worker.js');
  if (fs.existsSync(built)) return { file: built };
  const hasTsx = process.execArgv.some((arg) => arg.includes('tsx'));
  return { file: path.join(here, 'job-worker.ts'), execArgv: hasTsx ? process.execArgv : [...process.execArgv, '--import', 'tsx'] };
}

/**
 * Runs a named job (job-list.ts) in a worker thread with its own read-only connection to `db`'s
 * file, and answers with its result; `onStep` hears its steps as it goes. The thread that
 * answers the desk only waits: check-ins and searches go on meanwhile. An in-memory database
 * (tests) cannot be opened twice, so its jobs run inline on `db` itself.
 */
export function runJob<N extends JobName>(db: Db, name: N, input: JobInput<N>, onStep: (step: JobStep) => void = () => undefined): Promise<JobResult<N>> {
  if (db.memory) return runJobOn(db, name, input, onStep);
  const request: JobRequest = { file: db.name, name, input };
  const { file, execArgv } = workerEntry();
  return new Promise<JobResult<N>>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const worker = new Worker(file, { workerData: request, ...(execArgv ? { execArgv } : {}) });
    worker.on('message', (message: JobMessage) => {
      if (message.type === 'step') onStep(message.step);
      else if (message.type === 'result') settle(() => resolve(message.result as JobResult<N>));
      else settle(() => reject(MusubiError.fromShape(message.error)));
    });
    worker.on('error', (error) => settle(() => reject(new MusubiError('internal', `The ${name} job stopped: ${error.message}`))));
    worker.on('exit', (code) => settle(() => reject(new MusubiError('internal', `The ${name} job ended without an answer (exit code ${code}).`))));
  });
}

/** A buffer that crossed a thread arrives as a plain Uint8Array; this views it as a Buffer again (no copy). */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
