import type { Command } from 'commander';
import { MusubiError } from '../../../shared/errors';
import { normalizeTicketCode } from '../../../shared/text/ticket-code';
import { checkInOnce } from '../../core/attendees/check-in';
import { findByTicketCode } from '../../core/attendees/queries';
import { openDatabase } from '../../core/db/open';
import { createService } from '../../core/service/service';
import { DB_OPTION_HELP, resolveDbPath } from '../options';

interface CheckinFlags {
  db?: string;
  station?: string;
  override?: boolean;
}

/**
 * `musubi checkin <ticket-code>`: a scripted check-in (source "cli"), with the same rule as the
 * desk: someone already in is reported, not checked in twice. Prints the ticket code and station,
 * never the attendee's name.
 */
export function registerCheckinCommand(program: Command): void {
  program
    .command('checkin <ticket-code>')
    .description('check an attendee in by ticket code (for scripts)')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--station <name>', 'name of this station, shown as "checked in at <name>"')
    .option('--override', 'check in even a cancelled, waitlisted or unpaid registration')
    .action((ticket: string, flags: CheckinFlags) => {
      const db = openDatabase(resolveDbPath(flags.db));
      try {
        const service = createService({ db, stationName: flags.station });
        const code = normalizeTicketCode(ticket);
        const attendee = findByTicketCode(db, code);
        if (!attendee) throw new MusubiError('not-found', `No attendee has the ticket code ${code}.`, 'ticket-code');
        const outcome = checkInOnce(service.context, attendee.id, 'cli', { override: flags.override });
        if (outcome.status === 'not-registered') {
          console.error(`${code}: not checked in: the registration is ${outcome.registrationStatus}; use --override to check in anyway`);
          process.exitCode = 1;
          return;
        }
        const where = outcome.attendee.checkedIn;
        console.log(
          outcome.status === 'already-checked-in'
            ? `${code}: already checked in at ${where?.station ?? '?'} ${where?.at ?? ''}`
            : `${code}: checked in at ${where?.station ?? service.identity.name}`,
        );
      } finally {
        db.close();
      }
    });
}
