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
}

export const dataSafetyMethods = {
  backupNow: method(noInput, returns<BackupInfo>(), { roles: ['organizer'] }),
  getDataSafety: method(noInput, returns<DataSafetyStatus>(), { roles: ['organizer'] }),
  /** Removes names, e-mails, companies … from this station only; needs a current export. */
  purgePersonalData: method(z.object({ confirm: z.literal(true) }), returns<{ attendees: number; purgedAt: string }>(), { roles: ['organizer'] }),
};
