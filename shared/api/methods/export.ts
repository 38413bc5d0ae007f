import { z } from 'zod';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, EXPORT_FORMATS } from '../../domain/export-columns';
import { method, returns } from '../method';
import { noInput } from './checkin';

export const exportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  columns: z
    .array(z.enum(EXPORT_COLUMNS))
    .min(1, 'choose at least one column')
    .default(() => [...DEFAULT_EXPORT_COLUMNS]),
  /** Registered attendees who did not come. */
  includeNoShows: z.boolean().default(true),
  language: z.enum(['ja', 'en']).default('ja'),
});
export type ExportOptions = z.output<typeof exportOptionsSchema>;

/** A character the chosen encoding cannot hold; it was written as 〓 and is reported here. */
export interface ExportWarning {
  /** 1-based data row (the header is row 0). */
  row: number;
  column: string;
  character: string;
  codePoint: string;
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64 (the browser turns them into a download). */
  base64: string;
  rows: number;
  warnings: ExportWarning[];
}

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

export const exportMethods = {
  exportAttendance: method(exportOptionsSchema, returns<ExportFile>()),
  backupNow: method(noInput, returns<BackupInfo>()),
  getDataSafety: method(noInput, returns<DataSafetyStatus>()),
  /** Removes names, e-mails, companies … from this station only; needs a current export. */
  purgePersonalData: method(z.object({ confirm: z.literal(true) }), returns<{ attendees: number; purgedAt: string }>()),
};
