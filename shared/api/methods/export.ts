import { z } from 'zod';
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMNS, EXPORT_FORMATS } from '../../domain/export-columns';
import { method, returns } from '../method';
import { progressIdSchema } from './jobs';

/** The attendance export (CSV, XLSX or a PDF roster), delivered as bytes for a download. */
export const exportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  columns: z
    .array(z.enum(EXPORT_COLUMNS))
    .min(1, 'choose at least one column')
    .default(() => [...DEFAULT_EXPORT_COLUMNS]),
  /** Registered attendees who did not come. */
  includeNoShows: z.boolean().default(true),
  language: z.enum(['ja', 'en']).default('ja'),
  /** The screen's id for following this export with `jobProgress`. */
  progressId: progressIdSchema.optional(),
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

export const exportMethods = {
  exportAttendance: method(exportOptionsSchema, returns<ExportFile>(), { roles: ['organizer'] }),
};
