import fs from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { BadgeWarning } from '../../../shared/api/methods/badges';
import { BADGE_SIZES, type BadgeSize } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';
import { normalizeTicketCode } from '../../../shared/text/ticket-code';
import { findByTicketCode } from '../../core/attendees/queries';
import { listAttendeesForBadges } from '../../core/badges/attendees-to-print';
import { renderBadge, renderBadges } from '../../core/badges/badge-pdf';
import { legendMissingCharacters, renderLegend } from '../../core/badges/legend';
import { openDatabase } from '../../core/db/open';
import type { Db } from '../../core/db/types';
import { readPrintSettings } from '../../core/printing/station-print-settings';
import { createService } from '../../core/service/service';
import { readSettings } from '../../core/settings/queries';
import { DB_OPTION_HELP, resolveDbPath } from '../options';

function parseSize(value: string): BadgeSize {
  if (!(BADGE_SIZES as readonly string[]).includes(value)) throw new InvalidArgumentError(`one of ${BADGE_SIZES.join(', ')}`);
  return value as BadgeSize;
}

function parseCopies(value: string): number {
  const copies = Number(value);
  if (!Number.isInteger(copies) || copies < 1 || copies > 10) throw new InvalidArgumentError('a number of copies 1–10');
  return copies;
}

function withDb<T>(file: string | undefined, use: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(resolveDbPath(file));
  return use(db).finally(() => db.close());
}

function attendeeByTicket(db: Db, ticketCode: string) {
  const attendee = findByTicketCode(db, normalizeTicketCode(ticketCode));
  if (!attendee) throw new MusubiError('not-found', `No attendee has the ticket code ${ticketCode}.`, 'ticket-code');
  return attendee;
}

/** One line per problem; characters the font lacks are named so the organizer can fix the data. */
const FIELD_NAMES: Record<BadgeWarning['field'], string> = {
  industry: 'industry label',
  reading: 'reading',
  name: 'name',
  company: 'company',
  goal: 'goals',
  'looking-for': '"looking for" label',
  chip: '"looking for" sectors',
  'event-name': 'event name',
};

function describe(warnings: BadgeWarning[], who: string): string[] {
  return warnings.map((w) => {
    const field = FIELD_NAMES[w.field];
    if (w.kind === 'missing-glyph') return `warning: ${who}: the font cannot print ${w.characters?.join(' ')} in the ${field}; printed as 〓`;
    if (w.field === 'goal' || w.field === 'chip') return `warning: ${who}: not all ${field} fit on the badge; the rest are counted as "+N"`;
    return `warning: ${who}: the ${field} is too long for the badge and was shortened with "…"`;
  });
}

function writePdf(out: string, pdf: Buffer): void {
  try {
    fs.writeFileSync(out, pdf);
  } catch (error) {
    throw new MusubiError('invalid-input', `Cannot write ${out}: ${(error as Error).message}`, '--out');
  }
}

export function registerBadgeCommands(program: Command): void {
  program
    .command('badge <ticket-code>')
    .description("write one attendee's badge as a PDF")
    .option('--db <file>', DB_OPTION_HELP)
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .option('--size <size>', `badge size: ${BADGE_SIZES.join('|')} (default: this station's or the event's)`, parseSize)
    .action((ticketCode: string, flags: { db?: string; out: string; size?: BadgeSize }) =>
      withDb(flags.db, async (db) => {
        const settings = readSettings(db);
        const station = readPrintSettings(db, settings.badgeSize);
        const result = await renderBadge(attendeeByTicket(db, ticketCode), settings, flags.size ?? station.effectiveSize, { ticketQr: station.ticketQr });
        writePdf(flags.out, result.pdf);
        for (const line of describe(result.warnings.flatMap((w) => w.warnings), ticketCode)) console.error(line);
        console.log(`Wrote ${flags.out}`);
      }),
    );

  program
    .command('badges')
    .description('write every attendee\'s badge into one PDF, sorted by reading (あいうえお)')
    .option('--db <file>', DB_OPTION_HELP)
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .option('--size <size>', `${BADGE_SIZES.join('|')}`, parseSize, 'a4-sheet')
    .action((flags: { db?: string; out: string; size: BadgeSize }) =>
      withDb(flags.db, async (db) => {
        const settings = readSettings(db);
        const attendees = listAttendeesForBadges(db);
        const result = await renderBadges(attendees, settings, flags.size, { ticketQr: readPrintSettings(db, settings.badgeSize).ticketQr });
        writePdf(flags.out, result.pdf);
        const codes = new Map(attendees.map((a) => [a.id, a.ticketCode || '(no ticket code)']));
        for (const { attendeeId, warnings } of result.warnings) {
          for (const line of describe(warnings, codes.get(attendeeId) ?? attendeeId)) console.error(line);
        }
        console.log(`Wrote ${attendees.length} badges on ${result.pages} pages to ${flags.out}`);
      }),
    );

  program
    .command('legend')
    .description('write the legend poster (colour → industry, mark → goal) as a PDF')
    .option('--db <file>', DB_OPTION_HELP)
    .requiredOption('--out <file.pdf>', 'where to write the PDF')
    .option('--paper <paper>', 'a4 or a3', (value: string) => {
      if (value !== 'a4' && value !== 'a3') throw new InvalidArgumentError('a4 or a3');
      return value;
    }, 'a4')
    .action((flags: { db?: string; out: string; paper: 'a4' | 'a3' }) =>
      withDb(flags.db, async (db) => {
        const settings = readSettings(db);
        writePdf(flags.out, await renderLegend(settings, flags.paper));
        const missing = legendMissingCharacters(settings);
        if (missing.length > 0) console.error(`warning: legend: the font cannot print ${missing.join(' ')}; printed as 〓`);
        console.log(`Wrote ${flags.out}`);
      }),
    );

  program
    .command('print <ticket-code>')
    .description("print one attendee's badge on a printer, without a dialog, and record it")
    .option('--db <file>', DB_OPTION_HELP)
    .option('--printer <name>', "printer (CUPS queue) name (default: this station's chosen printer)")
    .option('--copies <n>', 'copies 1–10', parseCopies, 1)
    .action((ticketCode: string, flags: { db?: string; printer?: string; copies: number }) =>
      withDb(flags.db, async (db) => {
        const service = createService({ db });
        const attendee = attendeeByTicket(db, ticketCode);
        const outcome = await service.api.printBadge({ attendeeId: attendee.id, copies: flags.copies, printer: flags.printer });
        for (const line of describe(outcome.warnings, ticketCode)) console.error(line);
        console.log(`Sent to ${outcome.printer} (job ${outcome.jobId || 'unknown'}); printed ${outcome.attendee.badgePrints} time(s) so far`);
      }),
    );
}
