import type { badgeMethods } from '../../../shared/api/methods/badges';
import type { Attendee } from '../../../shared/domain/attendee';
import { EMPTY_ATTENDEE_FIELDS } from '../../../shared/domain/attendee';
import { getAttendee } from '../attendees/queries';
import { renderBadge } from '../badges/badge-pdf';
import type { BadgePrinter } from '../badges/badge-printer';
import type { JobBoard } from '../jobs/job-board';
import { asBuffer, runJob } from '../jobs/run-job';
import { writePrintSettings } from '../printing/station-print-settings';
import { readSettings } from '../settings/queries';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** A made-up attendee for the test badge: long enough to show where text shrinks and wraps. */
const TEST_ATTENDEE: Attendee = {
  ...EMPTY_ATTENDEE_FIELDS,
  id: '00000000-0000-4000-8000-000000000000',
  name: '結 太郎',
  nameKana: 'むすび たろう',
  company: 'テスト印刷 Musubi',
  ticketCode: 'TEST-0000',
  goals: ['ideas', 'network'],
  lookingFor: ['it', 'finance'],
  industry: 'manufacturing',
  checkedIn: null,
  conflicts: [],
  badgePrints: 0,
  left: false,
};

/** Badges, the legend poster, and printing on this station's printer. */
export function createBadgesApi(ctx: ServiceContext, badges: BadgePrinter, jobs: JobBoard): TopicImpl<keyof typeof badgeMethods> {
  const { db } = ctx;
  const { settings, printPdf } = badges;

  return {
    badgePreview: async ({ attendeeId, size }) => {
      const chosen = size ?? settings().effectiveSize;
      const { pdf, warnings } = await renderBadge(getAttendee(db, attendeeId), readSettings(db), chosen, { ticketQr: settings().ticketQr });
      return { pdfBase64: pdf.toString('base64'), size: chosen, warnings: warnings.flatMap((w) => w.warnings) };
    },

    printBadge: ({ attendeeId, copies, printer: override }) => badges.printAttendee(attendeeId, copies, override),

    autoPrintResult: ({ printId }) => badges.result(printId),

    // The batch and the legend are drawn in a worker thread (electron/core/jobs): the desk keeps answering.
    allBadgesPdf: ({ size, attendeeIds, progressId }) =>
      jobs.track(progressId, async (onStep) => {
        const { pdf, count } = await runJob(db, 'badges', { size, ticketQr: settings().ticketQr, attendeeIds }, onStep);
        onStep('finishing');
        return { pdfBase64: asBuffer(pdf).toString('base64'), count };
      }),

    listPrinters: () => badges.listPrinters(),

    getPrintSettings: () => settings(),

    updatePrintSettings: (change) => {
      ctx.write(() => writePrintSettings(db, change));
      return settings();
    },

    printTestBadge: async () => {
      const { effectiveSize, ticketQr } = settings();
      const { pdf } = await renderBadge(TEST_ATTENDEE, readSettings(db), effectiveSize, { ticketQr });
      return printPdf(pdf, effectiveSize, 1, 'Musubi test badge');
    },

    legendPdf: async ({ paper }) => ({ pdfBase64: asBuffer((await runJob(db, 'legend', { paper })).pdf).toString('base64') }),
  };
}
