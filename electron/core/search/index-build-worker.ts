/**
 * The search index build's worker thread (built by Vite into dist-electron/index-build-worker.js;
 * run from source through tsx in tests; started by build-in-worker.ts). Opens the event's database
 * read-only (WAL lets it read beside the station's writer, and a read-only connection cannot
 * write a byte of the event by mistake), reads and normalises every person, and posts the build
 * in two stages as it goes: the lists and the channels' text first (`lists`, enough to answer
 * searches by scanning), then the gram lists (`channels`). Then it ends. At the lowest CPU
 * priority (background-priority.ts), so the desk's answers come first; when the desk's searches
 * are waiting for the first stage (a first start without a snapshot) only after that stage.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { channelsPartsOf, listsPartsOf } from './built-parts';
import type { IndexWorkerMessage, IndexWorkerRequest } from './build-in-worker';
import { lowerThisThreadPriority } from '../workers/background-priority';
import { buildNow, channelSteps, orderByIdSteps, readSortedSteps } from './index-build';

const post = (message: IndexWorkerMessage, transfer: ArrayBuffer[] = []): void => parentPort?.postMessage(message, transfer);

function run({ file, firstStageAwaited }: IndexWorkerRequest): void {
  if (!firstStageAwaited) lowerThisThreadPriority();
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const sorted = buildNow(readSortedSteps(db));
    const lists = listsPartsOf(sorted, buildNow(orderByIdSteps(sorted.entries)));
    post({ type: 'lists', parts: lists.parts }, lists.transfer);
    if (firstStageAwaited) lowerThisThreadPriority();
    const channels = channelsPartsOf(buildNow(channelSteps(sorted.entries)));
    post({ type: 'channels', parts: channels.parts }, channels.transfer);
  } finally {
    db.close();
  }
}

try {
  run(workerData as IndexWorkerRequest);
} catch (error) {
  post({ type: 'error', message: (error as Error).message });
}
