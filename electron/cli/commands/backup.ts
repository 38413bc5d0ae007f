import readline from 'node:readline/promises';
import type { Command } from 'commander';
import { MusubiError } from '../../../shared/errors';
import { backupDatabase, backupIntoFolder, validateMusubiBackup } from '../../core/backup/backup';
import { purgePersonalData } from '../../core/backup/purge';
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
    .option('--yes', t('confirm.yes'))
    .action(async (flags: { db?: string; yes?: boolean }) => {
      const file = resolveDbPath(flags.db);
      const db = openExistingDatabase(file);
      try {
        await confirm(t('backup.purgeQuestion', { file }), flags.yes);
        const result = purgePersonalData(db);
        console.log(t('backup.purged', { count: result.attendees }));
      } finally {
        db.close();
      }
    });
}
