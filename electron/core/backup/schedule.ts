import type { Db } from '../db/types';
import { readMeta, writeMeta } from '../db/meta';
import { copyDatabaseInWorker } from '../jobs/copy-in-worker';
import { backupIntoFolder, defaultBackupDir } from './backup';

/** The folder this station backs up into: `--backup-dir` when given once, else `<db folder>/backups`. */
export function backupFolder(db: Db): string {
  return readMeta(db, 'backup_dir') ?? defaultBackupDir(db.name);
}

export function setBackupFolder(db: Db, folder: string): void {
  writeMeta(db, 'backup_dir', folder);
}

/**
 * Backs the database up every `minutes` while the station runs, copying in a worker thread so the
 * desk is not held up. A failed backup (disk full, folder gone) is reported through `onError` and
 * tried again next time; it never stops check-in.
 */
export function scheduleBackups(
  db: Db,
  minutes: number,
  report: { onDone?: (file: string) => void; onError: (error: Error) => void },
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || !db.open) return;
    running = true;
    backupIntoFolder(db, backupFolder(db), 48, new Date(), copyDatabaseInWorker)
      .then((info) => report.onDone?.(info.file))
      .catch((error: unknown) => report.onError(error as Error))
      .finally(() => (running = false));
  }, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
