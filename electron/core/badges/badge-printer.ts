import type { AutoPrint, AutoPrintResult, BadgeWarning, PrintOutcome, PrintSettings } from '../../../shared/api/methods/badges';
import { newId } from '../../../shared/domain/ids';
import type { BadgeSize } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';
import { getAttendee } from '../attendees/queries';
import type { Printer, PrinterInfo } from '../printing';
import { printBytes } from '../printing/print-bytes';
import { readPrintSettings } from '../printing/station-print-settings';
import { readSettings } from '../settings/queries';
import type { ServiceContext } from '../service/context';
import type { BadgeWorker } from './badge-worker-client';
import { printMedia } from './sizes';

/** How long an automatic print's result waits to be collected before it is forgotten. */
const RESULT_KEPT_MS = 5 * 60_000;

export interface BadgePrinter {
  settings(): PrintSettings;
  /** Draws one badge (`renderBadge`) off the thread that answers the door. */
  render: BadgeWorker['render'];
  listPrinters(): Promise<PrinterInfo[]>;
  /** Sends a PDF to this station's printer (or `override`) at the badge size. */
  printPdf(pdf: Buffer, size: BadgeSize, copies: number, title: string, override?: string): Promise<{ printer: string; jobId: string }>;
  /** Prints one attendee's badge and records `badge.printed` once the spooler accepted it. */
  printAttendee(attendeeId: string, copies?: number, override?: string): Promise<PrintOutcome>;
  /**
   * After a check-in, whoever made it (desk, kiosk, walk-in): starts the print when this station
   * prints on check-in. It does not wait, so the person sees "checked in" at once; the result is
   * collected with `result(printId)`.
   */
  autoPrint(attendeeId: string): AutoPrint;
  /** Waits for an automatic print and says how it went (once; then it is forgotten). */
  result(printId: string): Promise<AutoPrintResult>;
  /** Waits for an automatic print to finish and says how, leaving its result for `result` (the kiosk's slip follows the badge). */
  finished(printId: string): Promise<AutoPrintResult['state']>;
  /** Automatic prints not finished yet: the desk's print queue. */
  pending(): number;
}

/**
 * Printing badges on this station's printer: the one place that decides whether and how a badge
 * prints. Badges are drawn by `render` (the badge worker thread, badge-worker-client.ts), so the
 * thread that answers the door only reads the attendee and records the print.
 */
export function createBadgePrinter(ctx: ServiceContext, printer: Printer, render: BadgeWorker['render']): BadgePrinter {
  const { db, record } = ctx;
  const running = new Map<string, Promise<AutoPrintResult>>();
  let unfinished = 0;
  const settings = (): PrintSettings => readPrintSettings(db, readSettings(db).badgeSize);

  function chosenPrinter(override?: string): string {
    const name = override ?? settings().printer;
    if (!name) {
      throw new MusubiError('print-failed', 'No printer is chosen for this station yet (Organizer → Badges and printing).', 'station printer', {
        reason: 'no-printer',
      });
    }
    return name;
  }

  async function printPdf(pdf: Buffer, size: BadgeSize, copies: number, title: string, override?: string): Promise<{ printer: string; jobId: string }> {
    const name = chosenPrinter(override);
    // As bytes: the badge worker's printer needs no file (CUPS over IPP), or writes one off this thread.
    const { jobId } = await printBytes(printer, pdf, { printer: name, copies, title, media: printMedia(size) });
    return { printer: name, jobId };
  }

  async function printAttendee(attendeeId: string, copies = 1, override?: string): Promise<PrintOutcome> {
    const attendee = getAttendee(db, attendeeId);
    const { effectiveSize, ticketQr } = settings();
    const { pdf, warnings } = await render(attendee, readSettings(db), effectiveSize, { ticketQr });
    const { printer: name, jobId } = await printPdf(pdf, effectiveSize, copies, 'Musubi badge', override);
    // Recorded only once the spooler accepted the job: a failed print leaves no trace to undo.
    record([{ type: 'badge.printed', attendeeId, data: { printer: name.slice(0, 200), copies } }]);
    const found: BadgeWarning[] = warnings.flatMap((w) => w.warnings);
    return { attendee: getAttendee(db, attendeeId), printer: name, copies, jobId, warnings: found };
  }

  return {
    settings,
    render,
    listPrinters: () => printer.listPrinters(),
    printPdf,
    printAttendee,

    autoPrint(attendeeId) {
      if (!settings().autoPrint) return { state: 'off' };
      const printId = newId();
      // The print queue is on the desk's header: its changes are announced like any other.
      ctx.write(() => (unfinished += 1), ['prints']);
      // The badge is started once the check-in's answer is on its way: the drawing and the spooling
      // run on the badge worker, but reading the attendee and the settings for it takes this thread.
      const job = new Promise<void>((resolve) => setImmediate(resolve)).then(() => printAttendee(attendeeId)).then(
        (outcome): AutoPrintResult => ({ state: 'printed', outcome }),
        (error: unknown): AutoPrintResult => ({
          state: 'failed',
          error:
            error instanceof MusubiError
              ? error.toShape()
              : { code: 'print-failed', message: 'The badge could not be made or sent to the printer.' },
        }),
      );
      running.set(printId, job);
      void job.finally(() => {
        // Announced whether it printed or failed: a failed print records nothing else.
        ctx.write(() => (unfinished -= 1), ['prints']);
        setTimeout(() => running.delete(printId), RESULT_KEPT_MS).unref?.();
      });
      return { state: 'started', printId };
    },

    async result(printId) {
      const job = running.get(printId);
      if (!job) return { state: 'unknown' };
      const outcome = await job;
      running.delete(printId);
      return outcome;
    },

    async finished(printId) {
      const job = running.get(printId);
      return job ? (await job).state : 'unknown';
    },

    pending: () => unfinished,
  };
}
