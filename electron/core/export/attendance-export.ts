import fs from 'node:fs';
import type { ExportFile, ExportOptions, ExportWarning } from '../../../shared/api/methods/export';
import type { Db } from '../db/types';
import { readSettings } from '../settings/queries';
import { readAttendanceTable, readCheckinEvents } from './attendance-rows';
import { attendanceCsvSjis, attendanceCsvUtf8 } from './csv';
import { latestSeq, recordExport } from './export-record';
import { attendancePdf } from './pdf-roster';
import { attendanceXlsx } from './xlsx';
import { readPartnerReport } from '../partners/room-view';
import { partnerSheet } from './partner-sheet';

const FORMAT_FILES = {
  csv: { extension: 'csv', mimeType: 'text/csv;charset=utf-8' },
  'csv-sjis': { extension: 'csv', mimeType: 'text/csv;charset=shift_jis' },
  xlsx: { extension: 'xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { extension: 'pdf', mimeType: 'application/pdf' },
} as const;

export interface ExportedBytes {
  bytes: Buffer;
  fileName: string;
  mimeType: string;
  rows: number;
  warnings: ExportWarning[];
}

/** An export as built, with how far the log was when its rows were read (for the bookkeeping). */
export interface BuiltExport extends ExportedBytes {
  seq: number;
}

function fileStem(eventName: string, now: Date): string {
  const date = now.toISOString().slice(0, 10);
  // Keep the event name (Japanese included) but nothing a file system would choke on.
  const safeName = [...eventName]
    .filter((c) => c >= ' ' && !'\\/:*?"<>|'.includes(c))
    .join('')
    .trim()
    .slice(0, 60);
  return `${safeName || 'musubi'}-attendance-${date}`;
}

/**
 * Builds the attendance list in one of the four formats. It only reads, so it can run on a
 * read-only connection in a worker thread (electron/core/jobs); `onStep` hears when reading is
 * done and building the file starts.
 */
export async function buildAttendanceExport(db: Db, options: ExportOptions, now = new Date(), onStep: (step: 'building') => void = () => undefined): Promise<BuiltExport> {
  const settings = readSettings(db);
  // Read the table, the events and the log's position in one transaction, so all show the same moment.
  const { table, events, partners, seq } = db.transaction(() => ({
    table: readAttendanceTable(db, options),
    events: options.format === 'xlsx' ? readCheckinEvents(db) : [],
    partners: options.format === 'xlsx' ? readPartnerReport(db) : undefined,
    seq: latestSeq(db),
  }))();
  onStep('building');
  let bytes: Buffer;
  let warnings: ExportWarning[] = [];
  switch (options.format) {
    case 'csv':
      bytes = attendanceCsvUtf8(table);
      break;
    case 'csv-sjis':
      ({ bytes, warnings } = attendanceCsvSjis(table));
      break;
    case 'xlsx':
      bytes = await attendanceXlsx(table, events, {
        language: options.language,
        includeNames: options.columns.includes('name'),
        partners: partners && partnerSheet(partners, settings.industries, options.language),
      });
      break;
    case 'pdf':
      ({ bytes, warnings } = await attendancePdf(table, { language: options.language, eventName: settings.eventName, now }));
      break;
  }
  const kind = FORMAT_FILES[options.format];
  const suffix = options.format === 'csv-sjis' ? '-sjis' : '';
  return {
    bytes,
    fileName: `${fileStem(settings.eventName, now)}${suffix}.${kind.extension}`,
    mimeType: kind.mimeType,
    rows: table.rows.length,
    warnings,
    seq,
  };
}

/** Builds the attendance list and notes that an export was made (on the same connection: the CLI). */
export async function exportAttendance(db: Db, options: ExportOptions, now = new Date()): Promise<ExportedBytes> {
  const { seq, ...exported } = await buildAttendanceExport(db, options, now);
  recordExport(db, options, now, seq);
  return exported;
}

export function toExportFile(exported: ExportedBytes): ExportFile {
  const { bytes, fileName, mimeType, rows, warnings } = exported;
  return { fileName, mimeType, rows, warnings, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
}

/**
 * Writes an export readable by the current user only (it holds personal data), aside under a
 * temporary name and renamed when complete: a process killed halfway leaves no half-written file
 * under the name the user looks for, and an older file of that name stays whole until replaced.
 */
export function writePrivateFile(file: string, bytes: Buffer): void {
  const temporary = `${file}.partial-${process.pid}`;
  try {
    fs.writeFileSync(temporary, bytes, { mode: 0o600 });
    // writeFileSync keeps the mode of a file that already existed; make sure it is private.
    fs.chmodSync(temporary, 0o600);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
