import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../../shared/api/methods/data-safety';
import { MusubiError } from '../../../shared/errors';
import { MIGRATIONS } from '../db/migrations';
import type { Db } from '../db/types';
import { readMeta, writeMeta } from '../db/meta';

/** Backups go next to the database unless told otherwise: `<folder>/backups/`. */
export function defaultBackupDir(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

export function backupFileName(dbFile: string, now: Date): string {
  return `${path.basename(dbFile, path.extname(dbFile)) || 'musubi'}-${stamp(now)}.db`;
}

/** Temporary files of backups this process is writing now (a leftover is one nobody is writing). */
const writing = new Set<string>();
const PARTIAL = /\.partial-\d+(-journal)?$/;

/** Makes a consistent copy of the database at `destination` (how `backupDatabase` copies). */
export type CopyDatabase = (db: Db, destination: string) => Promise<BackupInfo>;

const temporaryNameOf = (destination: string): string => `${destination}.partial-${process.pid}`;

/**
 * A consistent copy of the live database through SQLite's online backup API: check-ins keep
 * arriving while it runs, and the copy holds everything committed before it started. It is written
 * under a temporary name and renamed when complete, so a process killed halfway leaves no file that
 * looks like a backup. The copy is private to the current user. It only reads `db`, so it runs on a
 * read-only connection in a worker thread too (electron/core/jobs).
 */
export async function copyDatabase(db: Db, destination: string, options: { wholeInOneStep?: boolean } = {}): Promise<BackupInfo> {
  fs.mkdirSync(path.dirname(path.resolve(destination)), { recursive: true, mode: 0o700 });
  const at = new Date().toISOString();
  const temporary = temporaryNameOf(destination);
  writing.add(path.resolve(temporary));
  try {
    // Create the file private before SQLite writes a byte of personal data into it.
    fs.closeSync(fs.openSync(temporary, 'w', 0o600));
    // SQLite restarts a step-wise copy whenever another connection writes, so a copy on its own
    // connection beside steady check-ins might never finish: a worker copies in one step (it
    // blocks nobody). On the serving connection it copies 100 pages a step between other work.
    await (options.wholeInOneStep ? db.backup(temporary, { progress: () => 0x7fffffff }) : db.backup(temporary));
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, destination);
  } catch (error) {
    for (const leftover of [temporary, `${temporary}-journal`]) fs.rmSync(leftover, { force: true });
    throw error;
  } finally {
    writing.delete(path.resolve(temporary));
  }
  return { file: path.resolve(destination), at, bytes: fs.statSync(destination).size };
}

/**
 * Copies the database (by default on this connection; the service passes a copy in a worker
 * thread) and notes the backup in `meta` on this connection.
 */
export async function backupDatabase(db: Db, destination: string, copy: CopyDatabase = copyDatabase): Promise<BackupInfo> {
  // Marked as being written here too: a copy in a worker has its own module, and its own set.
  const temporary = path.resolve(temporaryNameOf(destination));
  const ours = !writing.has(temporary);
  writing.add(temporary);
  let info: BackupInfo;
  try {
    info = await copy(db, destination);
  } finally {
    if (ours) writing.delete(temporary);
  }
  writeMeta(db, 'last_backup', JSON.stringify(info));
  return info;
}

/**
 * Removes what interrupted backups left in the folder: temporary files nobody is writing, their
 * journals, and empty or journal files next to backups (from versions that wrote in place).
 */
export function removeBrokenBackups(folder: string, prefix: string): string[] {
  const removed: string[] = [];
  for (const name of fs.readdirSync(folder)) {
    if (!name.startsWith(prefix)) continue;
    const file = path.join(folder, name);
    const partial = PARTIAL.test(name) && !writing.has(path.resolve(file.replace(/-journal$/, '')));
    const journal = /\.db-journal$/.test(name);
    const empty = /\.db$/.test(name) && fs.statSync(file).size === 0;
    if (partial || journal || empty) {
      fs.rmSync(file, { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/**
 * Backs up into a folder with a time-stamped name, and keeps only the newest `keep` complete backups
 * there; leftovers of interrupted backups are removed and never count towards them.
 */
export async function backupIntoFolder(db: Db, folder: string, keep = 48, now = new Date(), copy: CopyDatabase = copyDatabase): Promise<BackupInfo> {
  const info = await backupDatabase(db, path.join(folder, backupFileName(db.name, now)), copy);
  const prefix = `${path.basename(db.name, path.extname(db.name)) || 'musubi'}-`;
  removeBrokenBackups(folder, prefix);
  const ours = fs
    .readdirSync(folder)
    .filter((f) => f.startsWith(prefix) && /-\d{8}-\d{6}\.db$/.test(f))
    .sort();
  for (const old of ours.slice(0, Math.max(0, ours.length - keep))) fs.rmSync(path.join(folder, old), { force: true });
  return info;
}

export function lastBackup(db: Db): BackupInfo | null {
  const value = readMeta(db, 'last_backup');
  return value ? (JSON.parse(value) as BackupInfo) : null;
}

/**
 * Refuses anything that is not an intact Musubi database this version can open, before a restore
 * overwrites the live file with it.
 */
export function validateMusubiBackup(file: string): { entries: number; attendees: number; version: number } {
  if (!fs.existsSync(file)) throw new MusubiError('not-found', `There is no backup file at ${file}.`, file);
  let db: Db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new MusubiError('invalid-input', `${file} cannot be opened as a database: ${(error as Error).message}`, file);
  }
  try {
    const notMusubi = (): MusubiError => new MusubiError('invalid-input', `${file} is not a Musubi database.`, file);
    let version: number;
    try {
      version = db.pragma('user_version', { simple: true }) as number;
      const check = db.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') throw new MusubiError('invalid-input', `${file} is damaged (${check}).`, file);
    } catch (error) {
      if (error instanceof MusubiError) throw error;
      throw notMusubi();
    }
    const newest = MIGRATIONS.at(-1)?.version ?? 0;
    if (version > newest) {
      throw new MusubiError('database-too-new', `${file} was written by a newer version of Musubi (schema ${version}).`, file);
    }
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    if (version < 1 || !['meta', 'entries', 'attendees', 'checkins'].every((t) => tables.has(t))) throw notMusubi();
    if (!db.prepare("SELECT 1 FROM meta WHERE key = 'station_clock_id'").get()) throw notMusubi();
    const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
    return {
      version,
      entries: count('SELECT count(*) AS n FROM entries'),
      attendees: count('SELECT count(*) AS n FROM attendees WHERE removed = 0'),
    };
  } finally {
    db.close();
  }
}
