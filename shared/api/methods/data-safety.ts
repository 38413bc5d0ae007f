import { z } from 'zod';
import { method, noInput, returns } from '../method';

/** Keeping the data safe and letting it go: backups, whether the export is current, the purge. */
export interface BackupInfo {
  file: string;
  at: string;
  bytes: number;
}

export interface DataSafetyStatus {
  lastBackup: BackupInfo | null;
  /** When the last full export was made, if any. */
  lastExportAt: string | null;
  /** True when that export was made after the latest change: purging would lose nothing unexported. */
  exportIsCurrent: boolean;
  purgedAt: string | null;
  /** The backups and kept-aside copies on this station that hold personal data; the purge deletes them. */
  copies: string[];
}

export const dataSafetyMethods = {
  backupNow: method(noInput, returns<BackupInfo>(), { roles: ['organizer'] }),
  getDataSafety: method(noInput, returns<DataSafetyStatus>(), { roles: ['organizer'] }),
  /** Removes names, e-mails, companies … from this station only (its backups included); needs a current export. */
  /**
   * `deleteBackups`: the organizer was shown `copies` and agreed that they are deleted with the
   * purge; without it a purge refuses while the station holds any, naming them.
   */
  purgePersonalData: method(
    z.object({ confirm: z.literal(true), deleteBackups: z.boolean().optional() }),
    returns<{ attendees: number; purgedAt: string; deleted: string[] }>(),
    { roles: ['organizer'] },
  ),
};
