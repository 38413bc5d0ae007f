import { z } from 'zod';
import { answerMapSchema, type AnswerCatalogue } from '../../domain/settings';
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
  'nickname',
  'company',
  'title',
  'industry',
  'goals',
  'lookingFor',
  'partnerConsent',
  'vcardOptIn',
  'registrationStatus',
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
  'unknown-status',
  'display-name-as-name',
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
  /** For a problem reported once for every row with the same answer: how many rows gave it (`row` is the first). */
  rows?: number;
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
  /**
   * Registered people (not walk-ins, not checked in, not already cancelled) whose ticket code and
   * e-mail are on no row of this file: gone from the registration tool's newer export.
   */
  missing: number;
  /** Of those, the people this import marks as cancelled (only when asked: `cancelMissing`). */
  cancelled: number;
}

/**
 * One distinct registration answer of an industry, goal or looking-for column and what it maps to:
 * chosen (by the organizer, for this import), saved (with the event, from an earlier import),
 * listed (it is a label of the event's list), suggested (electron/core/import/answer-map.ts) or none.
 */
export interface ImportAnswer {
  catalogue: AnswerCatalogue;
  /** The folded answer; the key of `answerMap`. */
  key: string;
  /** The answer as first written in the file. */
  value: string;
  rows: number;
  fields: ('industry' | 'goals' | 'lookingFor')[];
  /** A category id; '' for "no category, keep in the note"; null when nothing matched. */
  categoryId: string | null;
  how: 'chosen' | 'saved' | 'listed' | 'suggested' | 'none';
}

/** Someone already registered whom the file no longer lists. */
export interface MissingPerson {
  name: string;
  ticketCode: string;
  company: string;
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
  /** Distinct answers, most frequent first (at most 1,000); `answerCount` tells how many there were. */
  answers: ImportAnswer[];
  answerCount: number;
  /**
   * The first of the people counted in `counts.missing` (at most 20, in the order they were added), so that
   * the organizer sees who "mark missing as cancelled" would cancel before choosing it.
   */
  missingPeople: MissingPerson[];
}

export interface ImportSummary {
  imported: number;
  updated: number;
  /** People missing from the file marked as cancelled. */
  cancelled: number;
  unchanged: number;
  skipped: number;
  problems: ImportProblem[];
  problemCount: number;
  /** The distinct answers and what they were mapped to, as in the preview. */
  answers: ImportAnswer[];
}

/** Base64 of the file; 64 MiB of file at most. */
const importInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  contentBase64: z.string().max(90_000_000),
  mapping: z.array(z.enum(IMPORT_TARGETS)).max(500).optional(),
  /** The organizer's answer choices for this import (folded or raw answer → category id or ''); saved with the event at commit. */
  answerMap: answerMapSchema.partial().optional(),
  /** Mark the people missing from this file as cancelled (their check-ins and data are kept). */
  cancelMissing: z.boolean().optional(),
});
export type ImportInput = z.infer<typeof importInput>;

/** The base64 limit above plus room for the file name and the mapping in the JSON around it. */
const IMPORT_BODY_BYTES = 90_000_000 + 64 * 1024;

export const importMethods = {
  previewImport: method(importInput, returns<ImportPreview>(), { roles: ['organizer'], maxBodyBytes: IMPORT_BODY_BYTES }),
  commitImport: method(importInput, returns<ImportSummary>(), { roles: ['organizer'], maxBodyBytes: IMPORT_BODY_BYTES }),
};
