/**
 * The badge worker thread's entry (built by Vite into dist-electron/badge-worker.js; run from
 * source through tsx in tests): draws badge PDFs and hands them to the OS's printing, so that
 * neither the drawing (tens of milliseconds of pdfkit) nor the spooling (IPP to CUPS, or a process
 * start when it falls back to `lp` or prints on Windows) runs on the thread that answers the door. It holds no database connection: the
 * station sends what a badge needs with each request. Long-lived: pdfkit, fontkit and the fonts
 * stay loaded between badges.
 */
import { parentPort } from 'node:worker_threads';
import { MusubiError } from '../../../shared/errors';
import { systemPrinter } from '../printing';
import { printBytes } from '../printing/print-bytes';
import { renderBadge } from './badge-pdf';
import type { BadgeWorkerReply, BadgeWorkerRequest } from './badge-worker-protocol';

const printer = systemPrinter();

async function answer(request: BadgeWorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'render': {
      const { attendee, settings, size, options } = request;
      return renderBadge(attendee, settings, size, options);
    }
    case 'print':
      return printer.print(request.file, request.job);
    case 'printBytes':
      return printBytes(printer, request.pdf, request.job);
    case 'listPrinters':
      return printer.listPrinters();
  }
}

parentPort?.on('message', (request: BadgeWorkerRequest) => {
  const reply = (message: BadgeWorkerReply): void => parentPort?.postMessage(message);
  answer(request).then(
    (value) => reply({ id: request.id, ok: true, value }),
    (error: unknown) => {
      if (error instanceof MusubiError) return reply({ id: request.id, ok: false, error: error.toShape() });
      // Anything else is logged by its name and place, never its message (it may hold a name or a company).
      const { name, stack } = error as Error;
      console.error(`[musubi] badge worker ${request.op} failed: ${name}`, stack?.split('\n')[1]?.trim() ?? '');
      reply({ id: request.id, ok: false, error: { code: 'print-failed', message: 'The badge could not be made or sent to the printer.' } });
    },
  );
});
