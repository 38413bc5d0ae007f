import readline from 'node:readline/promises';
import type { Command } from 'commander';
import { MusubiError } from '../../../shared/errors';
import { backupDatabase, backupIntoFolder, validateMusubiBackup } from '../../core/backup/backup';
import { purgePersonalData, stationCopies } from '../../core/backup/purge';
import { eventIdForKey } from '../../../shared/sync/event-id';
import { restoreDatabase } from '../../core/backup/restore';
import { assertDatabaseNotInUse } from '../../core/backup/database-in-use';
import { backupFolder } from '../../core/backup/schedule';
import { openExistingDatabase } from '../existing-db';
import { DB_OPTION_HELP, resolveDbPath } from '../options';

/** Asks "yes/no" on a terminal; without a terminal (a script, a pipe) only --yes may confirm. */
async function confirm(question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) {
    throw new MusubiError('invalid-input', 'Not confirmed: run it in a terminal to answer the question, or add --yes.', '--yes');
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(`${question} Type "yes" to go on: `)).trim().toLowerCase();
    if (answer !== 'yes') throw new MusubiError('invalid-input', 'Cancelled; nothing was changed.');
  } finally {
    rl.close();
  }
}

/** `musubi purge --hub-data|--hub-database --key`: the hub's stored entries of one event, without personal fields. */
async function purgeHubEvent(flags: { hubData?: string; hubDatabase?: string; key?: string; yes?: boolean }): Promise<void> {
  if (!flags.key) throw new MusubiError('invalid-input', "Give the event's key with --key: it names the event in the hub's store.", '--key');
  const eventId = await eventIdForKey(flags.key);
  // Loaded only here, as `musubi hub` does: the stores (and pg) cost every other command's start.
  const { openHubStore } = await import('../../../server/store/open');
  const store = await openHubStore({ dataDir: flags.hubData, database: flags.hubDatabase });
  try {
    await confirm(`Remove all names, readings, companies, titles, e-mails, phone numbers and notes of event ${eventId} from the hub's store?`, flags.yes);
    const result = await store.purgePersonalData(eventId);
    console.log(`Removed personal data from ${result.entries} stored entries of event ${eventId}. Stations keep theirs until each is purged.`);
  } finally {
    await store.close();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('copy the database consistently, even while a station is checking people in')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--out <file>', 'backup file to write (default: a time-stamped file in the backup folder)')
    .action(async (flags: { db?: string; out?: string }) => {
      const db = openExistingDatabase(resolveDbPath(flags.db));
      try {
        const info = flags.out ? await backupDatabase(db, flags.out) : await backupIntoFolder(db, backupFolder(db));
        console.log(`Backed up to ${info.file} (${info.bytes} bytes).`);
      } finally {
        db.close();
      }
    });

  program
    .command('restore')
    .description('replace the database with a backup (refused while a station or the app has it open); the current one is kept aside')
    .option('--db <file>', DB_OPTION_HELP)
    .requiredOption('--from <backup>', 'backup file to restore')
    .option('--yes', 'do not ask for confirmation')
    .action(async (flags: { db?: string; from: string; yes?: boolean }) => {
      const target = resolveDbPath(flags.db);
      const found = validateMusubiBackup(flags.from);
      assertDatabaseNotInUse(target, 'restore'); // before asking, so nobody confirms a restore that cannot run
      await confirm(
        `Replace ${target} with the backup ${flags.from} (${found.attendees} attendees, ${found.entries} log entries)? ` +
          'Changes made after that backup stay only in the copy kept aside and on other stations.',
        flags.yes,
      );
      const result = await restoreDatabase(target, flags.from);
      console.log(`Restored ${target} from ${flags.from}.`);
      if (result.previous) console.log(`The database as it was is kept at ${result.previous}.`);
    });

  program
    .command('purge')
    .description('after the event: remove names, e-mails, companies … from this station and its backups (or from a hub\'s store), keeping counts and mix')
    .option('--db <file>', DB_OPTION_HELP)
    .option('--hub-data <dir>', "purge an event in the hub's embedded SQLite store in this folder instead of a station")
    .option('--hub-database <url>', "purge an event in the hub's PostgreSQL store instead of a station")
    .option('--key <key>', 'with --hub-data or --hub-database: the event key (it names the event)')
    .option('--yes', 'do not ask for confirmation')
    .action(async (flags: { db?: string; hubData?: string; hubDatabase?: string; key?: string; yes?: boolean }) => {
      if (flags.hubData || flags.hubDatabase) {
        await purgeHubEvent(flags);
        return;
      }
      const file = resolveDbPath(flags.db);
      const db = openExistingDatabase(file);
      try {
        const copies = stationCopies(db);
        // The backups hold the same names: they are deleted with the purge, and the question says so.
        const alsoCopies = copies.length > 0 ? ` The ${copies.length} backups of it on this station are DELETED too:\n  ${copies.join('\n  ')}\n` : '';
        await confirm(`Remove all names, readings, companies, titles, e-mails, phone numbers and notes from ${file}?${alsoCopies}`, flags.yes);
        const result = purgePersonalData(db, new Date(), { deleteCopies: true });
        console.log(`Removed personal data of ${result.attendees} attendees from this station. Counts and mix are kept.`);
        if (result.deleted.length > 0) console.log(`Deleted ${result.deleted.length} backups that held personal data.`);
      } finally {
        db.close();
      }
    });
}
