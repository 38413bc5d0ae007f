import { Worker } from 'node:worker_threads';
import type { Attendee } from '../../../shared/domain/attendee';
import type { BadgeSize } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';
import { asBuffer } from '../jobs/run-job';
import type { Printer, PrinterInfo, PrintJob, PrintResult } from '../printing';
import { workerEntry } from '../workers/worker-entry';
import type { BadgePdf } from './badge-pdf';
import type { BadgeWorkerReply, BadgeWorkerRequest } from './badge-worker-protocol';
import type { BadgeOptions, BadgeSettings } from './layout';

/** Distributes Omit over the request union, so each op keeps its own fields. */
type Request = BadgeWorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface BadgeWorker {
  /** `renderBadge`, drawn on the worker thread. */
  render(attendee: Attendee, settings: BadgeSettings, size: BadgeSize, options?: Pick<BadgeOptions, 'ticketQr'>): Promise<BadgePdf>;
  /** The OS's printing (CUPS over IPP, or Windows), run from the worker thread. */
  printer: Printer;
}

/**
 * The station's badge worker (badge-worker.ts): one long-lived thread per process, started on first
 * use (or by the warm-up) and kept, so the fonts stay loaded. It keeps the process alive only while
 * it has work; idle, it lets a command or a test end. If it dies, the requests it held fail as
 * "could not be made" (a check-in never depends on them) and the next request starts a new one.
 */
function createBadgeWorker(): BadgeWorker {
  let worker: Worker | undefined;
  let nextId = 1;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  function lost(): void {
    worker = undefined;
    for (const { reject } of waiting.values()) reject(new MusubiError('print-failed', 'The badge could not be made or sent to the printer.'));
    waiting.clear();
  }

  function started(): Worker {
    if (worker) return worker;
    const { file, execArgv } = workerEntry(import.meta.url, 'badge-worker');
    const thread = new Worker(file, execArgv ? { execArgv } : {});
    thread.on('message', (reply: BadgeWorkerReply) => {
      const found = waiting.get(reply.id);
      if (!found) return;
      waiting.delete(reply.id);
      if (waiting.size === 0) thread.unref();
      if (reply.ok) found.resolve(reply.value);
      else found.reject(MusubiError.fromShape(reply.error));
    });
    thread.on('error', () => thread === worker && lost());
    thread.on('exit', () => thread === worker && lost());
    worker = thread;
    return thread;
  }

  function ask<T>(request: Request): Promise<T> {
    const thread = started();
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      thread.ref();
      thread.postMessage({ ...request, id });
    });
  }

  return {
    async render(attendee, settings, size, options = {}) {
      const made = await ask<BadgePdf>({ op: 'render', attendee, settings, size, options });
      // A Buffer crosses the thread as a plain Uint8Array.
      return { ...made, pdf: asBuffer(made.pdf) };
    },
    printer: {
      listPrinters: () => ask<PrinterInfo[]>({ op: 'listPrinters' }),
      print: (file: string, job: PrintJob) => ask<PrintResult>({ op: 'print', file, job }),
      printBytes: (pdf: Uint8Array, job: PrintJob) => ask<PrintResult>({ op: 'printBytes', pdf, job }),
    },
  };
}

let shared: BadgeWorker | undefined;

/** This process's badge worker. */
export function badgeWorker(): BadgeWorker {
  shared ??= createBadgeWorker();
  return shared;
}
