import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { BadgeWarning } from '../../../shared/api/methods/badges';
import { BADGE_SIZES, type BadgeSize } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';
import { normalizeTicketCode } from '../../../shared/text/ticket-code';
import { findByTicketCode } from '../../core/attendees/queries';
import { listAttendeesForBadges } from '../../core/badges/attendees-to-print';
import { renderBadge, renderBadges } from '../../core/badges/badge-pdf';
import { writePrivateFile } from '../../core/export/attendance-export';
import { legendMissingCharacters, renderLegend } from '../../core/badges/legend';
import { openDatabase } from '../../core/db/open';
import type { Db } from '../../core/db/types';
import { readPrintSettings } from '../../core/printing/station-print-settings';
import { createService } from '../../core/service/service';
import { readSettings } from '../../core/settings/queries';
import { t } from '../i18n/translate';
import { dbOptionHelp, resolveDbPath } from '../options';

function parseSize(value: string): BadgeSize {
  if (!(BADGE_SIZES as readonly string[]).includes(value)) throw new InvalidArgumentError(t('badges.sizeChoice', { sizes: BADGE_SIZES.join(', ') }));
  return value as BadgeSize;
}

function parseCopies(value: string): number {
  const copies = Number(value);
  if (!Number.isInteger(copies) || copies < 1 || copies > 10) throw new InvalidArgumentError(t('badges.copiesRange'));
  return copies;
}

function withDb<T>(file: string | undefined, use: (db: Db) => Promise<T>): Promise<T> {
  const db = openDatabase(resolveDbPath(file));
  return use(db).finally(() => db.close());
}

function attendeeByTicket(db: Db, ticketCode: string) {
  const attendee = findByTicketCode(db, normalizeTicketCode(ticketCode));
  if (!attendee) throw new MusubiError('not-found', t('program.noTicket', { code: ticketCode }), 'ticket-code');
  return attendee;
}

/** One line per problem; characters the font lacks are named so the organizer can fix the data. */
function describe(warnings: BadgeWarning[], who: string): string[] {
  return warnings.map((w) => {
    const field = t(`badges.field.${w.field}`);
    const line =
      w.kind === 'missing-glyph'
        ? t('badges.missingGlyph', { who, characters: w.characters?.join(' ') ?? '', field })
        : w.field === 'goal' || w.field === 'chip'
          ? t('badges.tooMany', { who, field })
          : t('badges.tooLong', { who, field });
    return `${t('program.warning')}: ${line}`;
  });
}

function writePdf(out: string, pdf: Buffer): void {
  try {
    // Private, written aside and renamed when complete (the export's file writer).
    writePrivateFile(out, pdf);
  } catch (error) {
    throw new MusubiError('invalid-input', t('program.cannotWrite', { file: out, reason: (error as Error).message }), '--out');
  }
}

export function registerBadgeCommands(program: Command): void {
  program
    .command('badge <ticket-code>')
    .description(t('badges.badgeDescription'))
    .option('--db <file>', dbOptionHelp())
    .requiredOption('--out <file.pdf>', t('badges.out'))
    .option('--size <size>', t('badges.size', { sizes: BADGE_SIZES.join('|') }), parseSize)
    .action((ticketCode: string, flags: { db?: string; out: string; size?: BadgeSize }) =>
      withDb(flags.db, async (db) => {
        const settings = readSettings(db);
        const station = readPrintSettings(db, settings.badgeSize);
        const result = await renderBadge(attendeeByTicket(db, ticketCode), settings, flags.size ?? station.effectiveSize, { ticketQr: station.ticketQr });
        writePdf(flags.out, result.pdf);
        for (const line of describe(result.warnings.flatMap((w) => w.warnings), ticketCode)) console.error(line);
        console.log(t('badges.wrote', { file: flags.out }));
      }),
    );

  program
    .command('badges')
    .description(t('badges.batchDescription'))
    .option('--db <file>', dbOptionHelp())
    .requiredOption('--out <file.pdf>', t('badges.out'))
    .option('--size <size>', `${BADGE_SIZES.join('|')}`, parseSize, 'a4-sheet')
    .action((flags: { db?: string; out: string; size: BadgeSize }) =>
      withDb(flags.db, async (db) => {
        const settings = readSettings(db);
        const attendees = listAttendeesForBadges(db);
        const result = await renderBadges(attendees, settings, flags.size, { ticketQr: readPrintSettings(db, settings.badgeSize).ticketQr });
        writePdf(flags.out, result.pdf);
        const codes = new Map(attendees.map((a) => [a.id, a.ticketCode || t('badges.noTicketCode')]));
        for (const { attendeeId, warnings } of result.warnings) {
          for (const line of describe(warnings, codes.get(attendeeId) ?? attendeeId)) console.error(line);
        }
        console.log(t('badges.wroteBatch', { count: attendees.length, pages: result.pages, file: flags.out }));
      }),
    );

  program
    .command('legend')
    .description(t('badges.legendDescription'))
    .option('--db <file>', dbOptionHelp())
    .requiredOption('--out <file.pdf>', t('badges.out'))
    .option('--paper <paper>', t('badges.paper'), (value: string) => {
      if (value !== 'a4' && value !== 'a3') throw new InvalidArgumentError(t('badges.paper'));
      return value;
    }, 'a4')
    .action((flags: { db?: string; out: string; paper: 'a4' | 'a3' }) =>
      withDb(flags.db, async (db) => {
        const settings = readSettings(db);
        writePdf(flags.out, await renderLegend(settings, flags.paper));
        const missing = legendMissingCharacters(settings);
        if (missing.length > 0) console.error(`${t('program.warning')}: ${t('badges.legendGlyphs', { characters: missing.join(' ') })}`);
        console.log(t('badges.wrote', { file: flags.out }));
      }),
    );

  program
    .command('print <ticket-code>')
    .description(t('badges.printDescription'))
    .option('--db <file>', dbOptionHelp())
    .option('--printer <name>', t('badges.printer'))
    .option('--copies <n>', t('badges.copies'), parseCopies, 1)
    .action((ticketCode: string, flags: { db?: string; printer?: string; copies: number }) =>
      withDb(flags.db, async (db) => {
        const service = createService({ db });
        const attendee = attendeeByTicket(db, ticketCode);
        const outcome = await service.api.printBadge({ attendeeId: attendee.id, copies: flags.copies, printer: flags.printer });
        for (const line of describe(outcome.warnings, ticketCode)) console.error(line);
        console.log(t('badges.sent', { printer: outcome.printer, job: outcome.jobId || t('badges.unknownJob'), count: outcome.attendee.badgePrints }));
      }),
    );
}
