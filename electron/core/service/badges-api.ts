import type { badgeMethods } from '../../../shared/api/methods/badges';
import type { Attendee } from '../../../shared/domain/attendee';
import { EMPTY_ATTENDEE_FIELDS } from '../../../shared/domain/attendee';
import { getAttendee } from '../attendees/queries';
import type { BadgePrinter } from '../badges/badge-printer';
import type { JobBoard } from '../jobs/job-board';
import { asBuffer, runJob } from '../jobs/run-job';
import { checkLogo } from '../badges/logo';
import { writePrintSettings } from '../printing/station-print-settings';
import { publicSettings, readSettings } from '../settings/queries';
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

/** The made-up people of the organizer's design preview: every field filled, opted in to the vCard. */
const SAMPLE_ATTENDEES: Record<'ja' | 'latin', Attendee> = {
  ja: { ...TEST_ATTENDEE, title: '営業部長', nickname: 'たろう', vcardOptIn: true, email: 'taro@example.jp', lookingFor: ['it', 'finance', 'healthcare'] },
  latin: {
    ...TEST_ATTENDEE,
    name: 'Alexandra Montgomery-Whitfield',
    nameKana: '',
    company: 'Northwind Trading Co.',
    title: 'Head of Partnerships',
    industry: 'it',
    vcardOptIn: true,
    email: 'alexandra@example.com',
    lookingFor: ['manufacturing', 'energy'],
  },
};

/** Badges, the legend poster, and printing on this station's printer. */
export function createBadgesApi(ctx: ServiceContext, badges: BadgePrinter, jobs: JobBoard): TopicImpl<keyof typeof badgeMethods> {
  const { db } = ctx;
  const { settings, printPdf, render } = badges;

  return {
    badgePreview: async ({ attendeeId, size, sample, design }) => {
      const chosen = size ?? settings().effectiveSize;
      const person = attendeeId ? getAttendee(db, attendeeId) : SAMPLE_ATTENDEES[sample ?? 'ja'];
      const stored = readSettings(db);
      const event = design ? { ...stored, badgeDesign: design } : stored;
      const { pdf, warnings } = await render(person, event, chosen, { ticketQr: settings().ticketQr });
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
      ctx.write(() => writePrintSettings(db, change), ['settings', 'prints']);
      return settings();
    },

    printTestBadge: async () => {
      const { effectiveSize, ticketQr } = settings();
      const { pdf } = await render(TEST_ATTENDEE, readSettings(db), effectiveSize, { ticketQr });
      return printPdf(pdf, effectiveSize, 1, 'Musubi test badge');
    },

    legendPdf: async ({ paper }) => ({ pdfBase64: asBuffer((await runJob(db, 'legend', { paper })).pdf).toString('base64') }),
    setBadgeLogo: ({ dataBase64 }) => {
      // Checked before anything is written: a refused file leaves the event as it was.
      const { logo, imageBase64 } = checkLogo(Buffer.from(dataBase64, 'base64'));
      if (readSettings(db).badgeLogo?.sha256 !== logo.sha256) {
        // One entry for both fields, so every station ends up with the same description and bytes.
        ctx.record([{ type: 'settings.upsert', attendeeId: null, data: { fields: { badgeLogo: logo, badgeLogoImage: imageBase64 } } }]);
      }
      return publicSettings(readSettings(db));
    },

    clearBadgeLogo: () => {
      if (readSettings(db).badgeLogo !== null) {
        ctx.record([{ type: 'settings.upsert', attendeeId: null, data: { fields: { badgeLogo: null, badgeLogoImage: '' } } }]);
      }
      return publicSettings(readSettings(db));
    },

  };
}
