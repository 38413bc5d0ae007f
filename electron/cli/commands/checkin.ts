import type { Command } from 'commander';
import { MusubiError } from '../../../shared/errors';
import { normalizeTicketCode } from '../../../shared/text/ticket-code';
import { checkInOnce } from '../../core/attendees/check-in';
import { findByTicketCode } from '../../core/attendees/queries';
import { openDatabase } from '../../core/db/open';
import { createService } from '../../core/service/service';
import { cliLanguageInUse, localTime, t } from '../i18n/translate';
import { dbOptionHelp, resolveDbPath } from '../options';

interface CheckinFlags {
  db?: string;
  station?: string;
  override?: boolean;
}

/**
 * `musubi checkin <ticket-code>`: a scripted check-in (source "cli"), with the same rule as the
 * desk: someone already in is reported, not checked in twice; someone the station's check-in list
 * or the registration status refuses is not checked in (exit 1) unless `--override`. Prints the
 * ticket code and station, never the attendee's name.
 */
export function registerCheckinCommand(program: Command): void {
  program
    .command('checkin <ticket-code>')
    .description(t('checkin.description'))
    .option('--db <file>', dbOptionHelp())
    .option('--station <name>', t('checkin.station'))
    .option('--override', t('checkin.override'))
    .action((ticket: string, flags: CheckinFlags) => {
      const db = openDatabase(resolveDbPath(flags.db));
      try {
        const service = createService({ db, stationName: flags.station });
        const code = normalizeTicketCode(ticket);
        const attendee = findByTicketCode(db, code);
        if (!attendee) throw new MusubiError('not-found', t('program.noTicket', { code }), 'ticket-code');
        const outcome = checkInOnce(service.context, attendee.id, 'cli', { override: flags.override });
        // Refusals write nothing, say why on stderr and exit 1, so a script never counts them as in.
        if (outcome.status === 'not-registered') {
          console.error(`musubi: ${t('checkin.notRegistered', { code, status: t(`checkin.status.${outcome.registrationStatus}`) })}`);
          process.exitCode = 1;
          return;
        }
        if (outcome.status === 'not-admitted') {
          const list = outcome.list[cliLanguageInUse()] || outcome.list.id;
          console.error(`musubi: ${t('checkin.notAdmitted', { code, list, ticketType: outcome.attendee.ticketType || t('checkin.noTicketType') })}`);
          process.exitCode = 1;
          return;
        }
        const where = outcome.attendee.checkedIn;
        console.log(
          outcome.status === 'already-checked-in'
            ? t('checkin.already', { code, station: where?.station ?? '?', at: where ? localTime(where.at) : '' })
            : t('checkin.done', { code, station: where?.station ?? service.identity.name }),
        );
      } finally {
        db.close();
      }
    });
}
