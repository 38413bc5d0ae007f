import { Worker } from 'node:worker_threads';
import type { Db } from '../db/types';
import { workerEntry } from '../workers/worker-entry';
import { fullIndexOf, scannedListsOf, type ChannelsParts, type ListsParts } from './built-parts';
import type { BuiltIndex, SearchLists } from './index-build';

/**
 * Runs a full build of the search index on a worker thread (index-build-worker.ts) with its own
 * read-only connection to `db`'s file, so that the thread that answers the desk only receives
 * the result: normalising 100,000 people and making their gram lists took ~3–7 s of it. The build
 * arrives in two stages (built-parts.ts): lists answered by scanning (`onLists`), then the full
 * index (`onIndex`). Either way the build has seen the journal up to its `seq` and the index
 * applies the changes after it. A worker that fails or ends without an answer calls `onError`
 * once, and nothing after it (the index then builds in slices on its own thread).
 */
export interface IndexWorkerRequest {
  file: string;
  /** Searches wait for the first stage (no lists yet): the worker lowers its priority only after it. */
  firstStageAwaited: boolean;
}

export type IndexWorkerMessage =
  | { type: 'lists'; parts: ListsParts }
  | { type: 'channels'; parts: ChannelsParts }
  | { type: 'error'; message: string };

export interface WorkerBuild {
  /** The thread (for tests that stop it as a crash would). */
  readonly worker: Worker;
  cancel(): void;
}

export interface WorkerBuildHandlers {
  onLists(lists: SearchLists): void;
  onIndex(built: BuiltIndex): void;
  onError(error: Error): void;
}

/** Whether `db` can be built off the thread: an in-memory database cannot be opened twice. */
export function canBuildInWorker(db: Db): boolean {
  return !db.memory && db.open;
}

export function buildInWorker(db: Db, handlers: WorkerBuildHandlers, { firstStageAwaited = false } = {}): WorkerBuild {
  const { file, execArgv } = workerEntry(import.meta.url, 'index-build-worker');
  const request: IndexWorkerRequest = { file: db.name, firstStageAwaited };
  const worker = new Worker(file, { workerData: request, ...(execArgv ? { execArgv } : {}) });
  // The build never keeps a process alive on its own (a command or a test may end meanwhile).
  worker.unref();
  let over = false;
  let scanned: ReturnType<typeof scannedListsOf> | null = null;
  const fail = (error: Error): void => {
    if (over) return;
    over = true;
    void worker.terminate();
    handlers.onError(error);
  };
  worker.on('message', (message: IndexWorkerMessage) => {
    if (over) return;
    try {
      if (message.type === 'lists') {
        scanned = scannedListsOf(message.parts);
        handlers.onLists(scanned);
      } else if (message.type === 'channels') {
        if (!scanned) throw new Error('The index worker sent its gram lists before its lists.');
        const built = fullIndexOf(scanned, message.parts);
        // Over before the worker's exit, which follows its last message.
        over = true;
        try {
          handlers.onIndex(built);
        } catch (error) {
          handlers.onError(error as Error);
        }
      } else fail(new Error(`The search index build failed: ${message.message}`));
    } catch (error) {
      fail(error as Error);
    }
  });
  worker.on('error', (error) => fail(new Error(`The search index build stopped: ${error.message}`)));
  worker.on('exit', (code) => fail(new Error(`The search index build ended without its index (exit code ${code}).`)));
  return {
    worker,
    cancel() {
      over = true;
      void worker.terminate();
    },
  };
}
