import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BadgeWarning, PrintSettings } from '../../../shared/api/methods/badges';
import type { badgeMethods } from '../../../shared/api/methods/badges';
import type { Attendee } from '../../../shared/domain/attendee';
import { EMPTY_ATTENDEE_FIELDS } from '../../../shared/domain/attendee';
import type { BadgeSize } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';
import { getAttendee } from '../attendees/queries';
import { listAttendeesForBadges } from '../badges/attendees-to-print';
import { renderBadge, renderBadges } from '../badges/badge-pdf';
import { renderLegend } from '../badges/legend';
import { printMedia } from '../badges/sizes';
import { systemPrinter, type Printer } from '../printing';
import { readPrintSettings, writePrintSettings } from '../printing/station-print-settings';
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

/** Writes the PDF to a private temporary file, hands it to `use`, and removes it afterwards. */
async function withTempPdf<T>(pdf: Buffer, use: (file: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-print-'));
  const file = path.join(dir, 'badge.pdf');
  try {
    fs.writeFileSync(file, pdf, { mode: 0o600 });
    return await use(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Badges, the legend poster, and printing on this station's printer. */
export function createBadgesApi(ctx: ServiceContext, printer: Printer = systemPrinter()): TopicImpl<keyof typeof badgeMethods> {
  const { db, record } = ctx;
  const settings = (): PrintSettings => readPrintSettings(db, readSettings(db).badgeSize);

  function chosenPrinter(override?: string): string {
    const name = override ?? settings().printer;
    if (!name) throw new MusubiError('print-failed', 'No printer is chosen for this station yet (Organizer → Badges and printing).', 'station-printer');
    return name;
  }

  async function printPdf(pdf: Buffer, size: BadgeSize, copies: number, title: string, override?: string): Promise<{ printer: string; jobId: string }> {
    const name = chosenPrinter(override);
    const { jobId } = await withTempPdf(pdf, (file) =>
      printer.print(file, { printer: name, copies, title, media: printMedia(size) }),
    );
    return { printer: name, jobId };
  }

  return {
    badgePreview: async ({ attendeeId, size }) => {
      const chosen = size ?? settings().effectiveSize;
      const { pdf, warnings } = await renderBadge(getAttendee(db, attendeeId), readSettings(db), chosen, { ticketQr: settings().ticketQr });
      return { pdfBase64: pdf.toString('base64'), size: chosen, warnings: warnings.flatMap((w) => w.warnings) };
    },

    printBadge: async ({ attendeeId, copies, printer: override }) => {
      const attendee = getAttendee(db, attendeeId);
      const { effectiveSize, ticketQr } = settings();
      const { pdf, warnings } = await renderBadge(attendee, readSettings(db), effectiveSize, { ticketQr });
      const { printer: name, jobId } = await printPdf(pdf, effectiveSize, copies, 'Musubi badge', override);
      // Recorded only once the spooler accepted the job: a failed print leaves no trace to undo.
      record([{ type: 'badge.printed', attendeeId, data: { printer: name.slice(0, 200), copies } }]);
      const found: BadgeWarning[] = warnings.flatMap((w) => w.warnings);
      return { attendee: getAttendee(db, attendeeId), printer: name, copies, jobId, warnings: found };
    },

    allBadgesPdf: async ({ size }) => {
      const attendees = listAttendeesForBadges(db);
      const { pdf } = await renderBadges(attendees, readSettings(db), size, { ticketQr: settings().ticketQr });
      return { pdfBase64: pdf.toString('base64'), count: attendees.length };
    },

    listPrinters: () => printer.listPrinters(),

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

    legendPdf: async ({ paper }) => ({ pdfBase64: (await renderLegend(readSettings(db), paper)).toString('base64') }),
  };
}
