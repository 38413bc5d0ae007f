import type { DataSafetyStatus, exportMethods } from '../../../shared/api/methods/export';
import { MusubiError } from '../../../shared/errors';
import { backupIntoFolder, lastBackup } from '../backup/backup';
import { purgedAt, purgePersonalData } from '../backup/purge';
import { backupFolder } from '../backup/schedule';
import { exportAttendance, toExportFile } from '../export/attendance-export';
import { lastExport, latestSeq } from '../export/export-record';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** Attendance export (delivered as bytes for a browser download), backups and the purge. */
export function createExportApi(ctx: ServiceContext): TopicImpl<keyof typeof exportMethods> {
  const { db, wallClock } = ctx;
  return {
    // The export is noted in `meta` (it unlocks the purge): a write open screens must see.
    exportAttendance: (options) => ctx.write(async () => toExportFile(await exportAttendance(db, options, new Date(wallClock())))),

    backupNow: async () => {
      if (db.memory) throw new MusubiError('invalid-input', 'An in-memory database cannot be backed up.');
      return ctx.write(() => backupIntoFolder(db, backupFolder(db), 48, new Date(wallClock())));
    },

    getDataSafety: (): DataSafetyStatus => {
      const exported = lastExport(db);
      return {
        lastBackup: lastBackup(db),
        lastExportAt: exported?.at ?? null,
        exportIsCurrent: exported !== null && exported.seq >= latestSeq(db),
        purgedAt: purgedAt(db),
      };
    },

    purgePersonalData: () => ctx.write(() => purgePersonalData(db, new Date(wallClock()))),
  };
}
