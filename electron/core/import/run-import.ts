import type { ImportPreview, ImportSummary, ImportTarget } from '../../../shared/api/methods/import';
import type { AnswerMap } from '../../../shared/domain/settings';
import type { EntryOfType } from '../../../shared/domain/entry';
import { newId } from '../../../shared/domain/ids';
import { MusubiError } from '../../../shared/errors';
import type { Db } from '../db/types';
import { appendNewAttendees } from '../log/append-new-attendees';
import { newIdBatch } from '../log/bulk-ids';
import type { LocalRecorder } from '../log/recorder';
import { readSettings } from '../settings/queries';
import { answersForPreview, checkAnswerChoices } from './answer-map';
import { detectLayout, planImport, type ImportPlan, type TableLayout } from './plan';
import { readTable, type RawTable } from './read-file';

/** A preview or summary lists this many problems; `problemCount` tells how many there were. */
const PROBLEMS_SHOWN = 500;
/** The preview's answer table lists this many distinct answers; `answerCount` tells how many there were. */
const ANSWERS_SHOWN = 1000;

export interface ImportFile {
  fileName: string;
  bytes: Buffer;
  mapping?: ImportTarget[] | undefined;
  /** The organizer's answer choices (answer → category id or ''), on top of those saved with the event. */
  answerMap?: Partial<AnswerMap> | undefined;
  /** Mark registered people missing from this file as cancelled. */
  cancelMissing?: boolean | undefined;
}

async function readImportTable(file: ImportFile): Promise<RawTable> {
  const table = await readTable(file.fileName, file.bytes);
  if (table.records.length < 2 || Math.max(...table.records.slice(0, 50).map((r) => r.length)) < 2) {
    throw new MusubiError(
      'import-failed',
      `${file.fileName} is not a table Musubi can read (it needs a header row and at least two columns). Export the list as CSV or XLSX.`,
      file.fileName,
    );
  }
  return table;
}

/** Synchronous, so that a commit can plan inside its transaction against exactly what it writes over. */
function planFor(db: Db, file: ImportFile, table: RawTable): ImportPlan {
  const { headers } = detectLayout(table);
  if (file.mapping && file.mapping.length !== headers.length) {
    throw new MusubiError('invalid-input', `The mapping has ${file.mapping.length} columns; the file has ${headers.length}.`, 'mapping');
  }
  const settings = readSettings(db);
  checkAnswerChoices(settings, file.answerMap);
  return planImport(db, file.fileName, table, settings, file.mapping, file.answerMap, { cancelMissing: file.cancelMissing });
}

/** The header row and the detected mapping only (for `musubi import --map`, which names columns). */
export async function importLayout(file: ImportFile): Promise<TableLayout> {
  return detectLayout(await readImportTable(file));
}

export async function previewImport(db: Db, file: ImportFile): Promise<ImportPreview> {
  const table = await readImportTable(file);
  const p = planFor(db, file, table);
  return {
    fileName: file.fileName,
    format: table.format,
    encoding: table.encoding,
    headerRow: p.headerRow,
    headers: p.headers,
    mapping: p.mapping,
    detectedMapping: p.detectedMapping,
    sampleRows: p.sampleRows,
    counts: p.counts,
    problems: p.problems.all.slice(0, PROBLEMS_SHOWN),
    problemCount: p.problems.all.length,
    answers: answersForPreview(p.answers, ANSWERS_SHOWN),
    answerCount: p.answers.all().length,
  };
}

/**
 * Carries out an import in one transaction: new people through the bulk path (one
 * `attendee.upsert` entry each), changed people as ordinary upserts of the changed fields only.
 * Check-ins are never touched. Rows with errors are left out; a file-level error (no name column)
 * writes nothing at all.
 */
export async function commitImport(db: Db, recorder: LocalRecorder, station: string, file: ImportFile): Promise<ImportSummary> {
  const table = await readImportTable(file); // reading may await; the transaction may not
  return db.transaction((): ImportSummary => {
    const p = planFor(db, file, table);
    if (p.problems.hasFileError) {
      const first = p.problems.all.find((problem) => problem.row === 0);
      const message = first?.message ?? 'The file cannot be imported.';
      // The CLI prints only the message: it names the file, as every import error does.
      throw new MusubiError('import-failed', message.startsWith(file.fileName) ? message : `${file.fileName}: ${message}`, first?.where);
    }
    const ids = newIdBatch(p.additions.length * 2);
    const additions = p.additions.map(
      (a, i): EntryOfType<'attendee.upsert'> => ({
        id: ids[p.additions.length + i] ?? newId(),
        station,
        hlc: recorder.clock.now(),
        type: 'attendee.upsert',
        attendeeId: ids[i] ?? newId(),
        data: { fields: a.fields },
      }),
    );
    appendNewAttendees(db, additions, { freshIds: true });
    if (p.updates.length > 0) recorder.record(p.updates.map((u) => ({ type: 'attendee.upsert', attendeeId: u.id, data: { fields: u.fields } })));
    // The answer choices stay with the event (and sync), so the next import of it maps the same way.
    if (p.answerMapToSave) recorder.record([{ type: 'settings.upsert', attendeeId: null, data: { fields: { answerMap: p.answerMapToSave } } }]);
    return {
      imported: p.counts.new,
      updated: p.counts.updated,
      cancelled: p.counts.cancelled,
      unchanged: p.counts.unchanged,
      skipped: p.counts.skipped,
      problems: p.problems.all.slice(0, PROBLEMS_SHOWN),
      problemCount: p.problems.all.length,
      answers: answersForPreview(p.answers, ANSWERS_SHOWN),
    };
  }).immediate();
}

