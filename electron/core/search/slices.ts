import { onNextTurn } from '../db/turns';
import type { Db } from '../db/types';

/**
 * Runs a generator a few milliseconds at a time between the event loop's other work (requests,
 * sync, prints), so that a long job such as a full index build never holds the station thread.
 * Never steps inside an open transaction of the same connection (what it reads or writes would
 * belong to that transaction); stops when the database closes.
 */
const SLICE_MS = 8;

export interface SlicedRun<T> {
  /** Settles when the run ends (rejects if a step threw, the database closed or it was cancelled). */
  readonly done: Promise<T>;
  /** Runs the remaining steps now and returns the result (for a caller that cannot wait). */
  finishNow(): T;
  cancel(): void;
}

export function runInSlices<T>(db: Db, steps: Generator<void, T>, handlers: { onDone(value: T): void; onError(error: Error): void }): SlicedRun<T> {
  let cancelTurn: (() => void) | null = null;
  let over = false;
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const done = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Nobody need listen: a failed background job is retried on demand.
  done.catch(() => undefined);

  const fail = (error: Error): void => {
    over = true;
    reject(error);
    handlers.onError(error);
  };
  const slice = (): void => {
    cancelTurn = null;
    if (over) return;
    if (!db.open) return fail(new Error('The database was closed.'));
    if (db.inTransaction) {
      cancelTurn = onNextTurn(slice);
      return;
    }
    const until = performance.now() + SLICE_MS;
    try {
      for (;;) {
        const next = steps.next();
        if (next.done) {
          over = true;
          resolve(next.value);
          handlers.onDone(next.value);
          return;
        }
        if (performance.now() >= until) break;
      }
    } catch (error) {
      return fail(error as Error);
    }
    cancelTurn = onNextTurn(slice);
  };
  // One slice per turn of the event loop, shared with the station's other long jobs (db/turns.ts).
  cancelTurn = onNextTurn(slice);

  return {
    done,
    finishNow() {
      cancelTurn?.();
      cancelTurn = null;
      if (over) throw new Error('This run has already ended.');
      over = true;
      try {
        for (;;) {
          const next = steps.next();
          if (next.done) {
            resolve(next.value);
            return next.value;
          }
        }
      } catch (error) {
        reject(error as Error);
        throw error;
      }
    },
    cancel() {
      cancelTurn?.();
      cancelTurn = null;
      if (!over) {
        over = true;
        steps.return(undefined as T);
        reject(new Error('Cancelled.'));
      }
    },
  };
}
