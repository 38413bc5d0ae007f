import { z } from 'zod';
import { method, returns } from '../method';

/**
 * Importing a registration export (CSV or XLSX from Peatix, connpass, Eventbrite, Google Forms, …):
 * preview first (detected encoding, header row, column mapping, problems, what would change), then
 * commit with the mapping the organizer confirmed. Nothing is written by a preview.
 */
export const IMPORT_TARGETS = [
  'ignore',
  'name',
  'familyName',
  'givenName',
  'nameKana',
  'familyKana',
  'givenKana',
  'company',
  'title',
  'industry',
  'goals',
  'lookingFor',
  'partnerConsent',
  'email',
  'phone',
  'ticketCode',
  'ticketType',
  'note',
] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];

export const PROBLEM_CODES = [
  'no-name-column',
  'missing-name',
  'duplicate-ticket',
  'duplicate-person',
  'wrong-field-count',
  'cell-too-long',
  'undecodable',
  'unknown-industry',
  'unknown-goal',
  'wrong-encoding',
  'mixed-encoding',
  'duplicate-header',
  'invisible-name',
] as const;
export type ImportProblemCode = (typeof PROBLEM_CODES)[number];

export interface ImportProblem {
  code: ImportProblemCode;
  /** error: the row is skipped; warning: the row is imported and the raw value kept in the note. */
  severity: 'error' | 'warning';
  /** The row as a spreadsheet shows it (the header row included); 0 for a problem with the whole file. */
  row: number;
  /** The column's header, when the problem is in one cell. */
  column?: string;
  /** Details for the message, e.g. the unknown value or the row that already had this ticket code. */
  value?: string;
  /** English description; the screens translate by `code`. */
  message: string;
  /** "<file> row <n> column <header>". */
  where: string;
}

export interface ImportCounts {
  /** Data rows read (empty rows not counted). */
  rows: number;
  /** People that would be (or were) added. */
  new: number;
  /** Existing people (same ticket code, else same e-mail) whose data changes. */
  updated: number;
  /** Existing people whose data is already the same. */
  unchanged: number;
  /** Rows left out because of an error. */
  skipped: number;
}

export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  /** utf-8, utf-8-bom or cp932 for CSV; xlsx for a workbook. */
  encoding: string;
  /** The row holding the column headers (1-based, as a spreadsheet shows it). */
  headerRow: number;
  headers: string[];
  /** The mapping used for this preview: the one given, else the detected one. */
  mapping: ImportTarget[];
  detectedMapping: ImportTarget[];
  /** The first few data rows as read, one string per column. */
  sampleRows: string[][];
  counts: ImportCounts;
  problems: ImportProblem[];
  /** All problems, when `problems` was cut short. */
  problemCount: number;
}

export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
  skipped: number;
  problems: ImportProblem[];
  problemCount: number;
}

/** Base64 of the file; 64 MiB of file at most. */
const importInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(90_000_000),
  mapping: z.array(z.enum(IMPORT_TARGETS)).max(500).optional(),
});
export type ImportInput = z.infer<typeof importInput>;

/** The base64 limit above plus room for the file name and the mapping in the JSON around it. */
const IMPORT_BODY_BYTES = 90_000_000 + 64 * 1024;

export const importMethods = {
  previewImport: method(importInput, returns<ImportPreview>(), { roles: ['organizer'], maxBodyBytes: IMPORT_BODY_BYTES }),
  commitImport: method(importInput, returns<ImportSummary>(), { roles: ['organizer'], maxBodyBytes: IMPORT_BODY_BYTES }),
};
