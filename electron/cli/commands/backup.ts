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
import { t } from '../i18n/translate';
import { dbOptionHelp, resolveDbPath } from '../options';

/** Asks "yes/no" on a terminal; without a terminal (a script, a pipe) only --yes may confirm. */
async function confirm(question: string, yes: boolean | undefined): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) {
    throw new MusubiError('invalid-input', t('confirm.noTerminal'), '--yes');
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(`${question} ${t('confirm.typeYes')}`)).trim().toLowerCase();
    if (answer !== 'yes') throw new MusubiError('invalid-input', t('confirm.cancelled'));
  } finally {
    rl.close();
  }
}

/** `musubi purge --hub-data|--hub-database --key`: the hub's stored entries of one event, without personal fields. */
async function purgeHubEvent(flags: { hubData?: string; hubDatabase?: string; key?: string; yes?: boolean }): Promise<void> {
  if (!flags.key) throw new MusubiError('invalid-input', t('backup.hubKeyMissing'), '--key');
  const eventId = await eventIdForKey(flags.key);
  // Loaded only here, as `musubi hub` does: the stores (and pg) cost every other command's start.
  const { openHubStore } = await import('../../../server/store/open');
  const store = await openHubStore({ dataDir: flags.hubData, database: flags.hubDatabase });
  try {
    await confirm(t('backup.hubPurgeQuestion', { event: eventId }), flags.yes);
    const result = await store.purgePersonalData(eventId);
    console.log(t('backup.hubPurged', { count: result.entries, event: eventId }));
  } finally {
    await store.close();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(t('backup.description'))
    .option('--db <file>', dbOptionHelp())
    .option('--out <file>', t('backup.out'))
    .action(async (flags: { db?: string; out?: string }) => {
      const db = openExistingDatabase(resolveDbPath(flags.db));
      try {
        const info = flags.out ? await backupDatabase(db, flags.out) : await backupIntoFolder(db, backupFolder(db));
        console.log(t('backup.done', { file: info.file, bytes: info.bytes }));
      } finally {
        db.close();
      }
    });

  program
    .command('restore')
    .description(t('backup.restoreDescription'))
    .option('--db <file>', dbOptionHelp())
    .requiredOption('--from <backup>', t('backup.from'))
    .option('--yes', t('confirm.yes'))
    .action(async (flags: { db?: string; from: string; yes?: boolean }) => {
      const target = resolveDbPath(flags.db);
      const found = validateMusubiBackup(flags.from);
      assertDatabaseNotInUse(target, 'restore'); // before asking, so nobody confirms a restore that cannot run
      await confirm(
        t('backup.restoreQuestion', { target, from: flags.from, attendees: found.attendees, entries: found.entries }),
        flags.yes,
      );
      const result = await restoreDatabase(target, flags.from);
      console.log(t('backup.restored', { target, from: flags.from }));
      if (result.previous) console.log(t('backup.keptAside', { file: result.previous }));
    });

  program
    .command('purge')
    .description(t('backup.purgeDescription'))
    .option('--db <file>', dbOptionHelp())
    .option('--hub-data <dir>', t('backup.hubData'))
    .option('--hub-database <url>', t('backup.hubDatabase'))
    .option('--key <key>', t('backup.key'))
    .option('--yes', t('confirm.yes'))
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
        const alsoCopies = copies.length > 0 ? ` ${t('backup.alsoCopies', { count: copies.length })}\n  ${copies.join('\n  ')}\n` : '';
        await confirm(`${t('backup.purgeQuestion', { file })}${alsoCopies}`, flags.yes);
        const result = purgePersonalData(db, new Date(), { deleteCopies: true });
        console.log(t('backup.purged', { count: result.attendees }));
        if (result.deleted.length > 0) console.log(t('backup.deletedCopies', { count: result.deleted.length }));
      } finally {
        db.close();
      }
    });
}
