import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MusubiError } from '../../../shared/errors';
import { openDatabase } from '../db/open';
import { backupDatabase, validateMusubiBackup } from './backup';
import { assertDatabaseNotInUse, markDatabaseInUse } from './database-in-use';

export interface RestoreResult {
  /** Where the database as it was before the restore was kept (null when there was none). */
  previous: string | null;
  entries: number;
  attendees: number;
}

/**
 * Replaces the database at `target` with the backup at `from`. Refused while a station, the app or
 * a sync has `target` open (database-in-use.ts), naming the process to stop: a station left
 * running would keep acknowledging check-ins into the file the restore takes away. The current database is first copied aside (`<name>.before-restore-<time>.db`), so
 * a restore can itself be undone; the backup is copied (never moved) through SQLite's backup API
 * into a private temporary file, which then replaces the target in one rename.
 */
export async function restoreDatabase(target: string, from: string, now = new Date()): Promise<RestoreResult> {
  const counts = validateMusubiBackup(from);
  if (path.resolve(target) === path.resolve(from)) {
    throw new MusubiError('invalid-input', 'The backup and the database are the same file.', from);
  }
  const release = markDatabaseInUse(target, 'restore');
  try {
    assertDatabaseNotInUse(target, 'restore');
    return await replaceWithBackup(target, from, now, counts);
  } finally {
    release();
  }
}

async function replaceWithBackup(target: string, from: string, now: Date, counts: { entries: number; attendees: number }): Promise<RestoreResult> {
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target.replace(/\.db$/, '')}.before-restore-${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}.db`;
    const current = openDatabase(target, { migrate: false });
    try {
      await backupDatabase(current, previous);
    } finally {
      current.close();
    }
  }
  const temporary = `${target}.restoring`;
  fs.rmSync(temporary, { force: true });
  fs.closeSync(fs.openSync(temporary, 'w', 0o600));
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await source.backup(temporary);
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(temporary, target);
  fs.chmodSync(target, 0o600);
  // Bring the restored file up to this version's schema now, so the next open is ordinary.
  openDatabase(target).close();
  return { previous, entries: counts.entries, attendees: counts.attendees };
}
