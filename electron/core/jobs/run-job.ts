import { Worker } from 'node:worker_threads';
import type { JobStep } from '../../../shared/api/methods/jobs';
import { MusubiError } from '../../../shared/errors';
import type { Db } from '../db/types';
import { workerEntry } from '../workers/worker-entry';
import { runJobOn, type JobInput, type JobMessage, type JobName, type JobRequest, type JobResult } from './job-list';

/**
 * Runs a named job (job-list.ts) in a worker thread with its own read-only connection to `db`'s
 * file, and answers with its result; `onStep` hears its steps as it goes. The thread that
 * answers the desk only waits: check-ins and searches go on meanwhile. An in-memory database
 * (tests) cannot be opened twice, so its jobs run inline on `db` itself.
 */
export function runJob<N extends JobName>(db: Db, name: N, input: JobInput<N>, onStep: (step: JobStep) => void = () => undefined): Promise<JobResult<N>> {
  if (db.memory) return runJobOn(db, name, input, onStep);
  const request: JobRequest = { file: db.name, name, input };
  const { file, execArgv } = workerEntry(import.meta.url, 'job-worker');
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
