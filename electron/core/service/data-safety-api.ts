import type { DataSafetyStatus, dataSafetyMethods } from '../../../shared/api/methods/data-safety';
import { MusubiError } from '../../../shared/errors';
import { backupIntoFolder, lastBackup } from '../backup/backup';
import { purgedAt, purgePersonalData, stationCopies } from '../backup/purge';
import { backupFolder } from '../backup/schedule';
import { lastExport, latestSeq } from '../export/export-record';
import { copyDatabaseInWorker } from '../jobs/copy-in-worker';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** Backups, whether the last export is current, and the purge of personal data. */
export function createDataSafetyApi(ctx: ServiceContext): TopicImpl<keyof typeof dataSafetyMethods> {
  const { db, wallClock } = ctx;
  return {
    backupNow: async () => {
      if (db.memory) throw new MusubiError('invalid-input', 'An in-memory database cannot be backed up.');
      // Copied in a worker thread on its own read-only connection; noted in `meta` here.
      return ctx.write(() => backupIntoFolder(db, backupFolder(db), 48, new Date(wallClock()), copyDatabaseInWorker), ['data-safety']);
    },

    getDataSafety: (): DataSafetyStatus => {
      const exported = lastExport(db);
      return {
        lastBackup: lastBackup(db),
        lastExportAt: exported?.at ?? null,
        exportIsCurrent: exported !== null && exported.seq >= latestSeq(db),
        purgedAt: purgedAt(db),
        copies: stationCopies(db),
      };
    },

    purgePersonalData: ({ deleteBackups }) => ctx.write(() => purgePersonalData(db, new Date(wallClock()), { deleteCopies: deleteBackups })),
  };
}
