import type { ImportPreview, ImportSummary, ImportTarget } from '../../../shared/api/methods/import';
import type { PartialAttendeeFields } from '../../../shared/domain/attendee';
import type { AnswerMap } from '../../../shared/domain/settings';
import { newId } from '../../../shared/domain/ids';
import { MusubiError } from '../../../shared/errors';
import type { Db } from '../db/types';
import { newIdBatch } from '../log/bulk-ids';
import type { LocalRecorder } from '../log/recorder';
import { searchIndexFor } from '../search/attendee-index';
import { readSettings } from '../settings/queries';
import { answersForPreview, checkAnswerChoices } from './answer-map';
import { detectLayout, planImportSlices, type ImportPlan, type PlanSink, type PlannedNew, type PlannedUpdate, type TableLayout } from './plan';
import { ProblemList } from './problems';
import { openTable } from './read-file';
import type { TableStream } from './table-stream';
import { ChunkSizer, CostPerItem, SliceClock, yieldToEventLoop } from '../db/slices';
import { checkpointCaughtUp } from '../db/background-checkpoints';
import { writeWalOut } from '../db/wal-write-out';
import { cachedStatement } from '../db/statements';
import { dropRunChunk, finishRun, finishRunOffThread, markApplying, moveStagedChunk, openRun, stageEntries, type StagedEntry } from './staging';

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

/**
 * Opens the file and checks its first rows; `use` reads it (the rest of its rows are read while
 * they are planned) and the reader is let go however `use` ends.
 */
async function withImportTable<T>(file: ImportFile, use: (table: TableStream) => Promise<T>): Promise<T> {
  const table = await openTable(file.fileName, file.bytes);
  try {
    checkTableShape(file, table);
    return await use(table);
  } finally {
    await table.close();
  }
}

function checkTableShape(file: ImportFile, table: TableStream): void {
  const { records } = table.head;
  if (records.length < 2 || Math.max(...records.map((r) => r.length)) < 2) {
    throw new MusubiError(
      'import-failed',
      `${file.fileName} is not a table Musubi can read (it needs a header row and at least two columns). Export the list as CSV or XLSX.`,
      file.fileName,
    );
  }
}

/** Plans `table` in slices, letting the event loop run between them; planned people go to `sink`. */
interface SliceSink extends PlanSink {
  /** Called after each slice of planning, before the event loop gets its turn. */
  between?: () => void;
  /**
   * How long `between` will take for what has been planned so far: a slice of planning ends that
   * much early, so that planning and staging together stay within the slice.
   */
  betweenMs?: () => number;
}

async function planInSlices(db: Db, file: ImportFile, table: TableStream, sink: SliceSink, problems?: ProblemList): Promise<ImportPlan> {
  const { headers } = detectLayout(table);
  if (file.mapping && file.mapping.length !== headers.length) {
    throw new MusubiError('invalid-input', `The mapping has ${file.mapping.length} columns; the file has ${headers.length}.`, 'mapping');
  }
  const settings = readSettings(db);
  checkAnswerChoices(settings, file.answerMap);
  const clock = new SliceClock();
  const choices = { mapping: file.mapping, answers: file.answerMap, cancelMissing: file.cancelMissing };
  const pause = async (): Promise<void> => {
    sink.between?.();
    await yieldToEventLoop();
    clock.restart();
  };
  const betweenMs = sink.betweenMs;
  const over = betweenMs ? () => clock.left() <= betweenMs() : clock.over;
  return planImportSlices(db, file.fileName, table, settings, choices, sink, { over, pause }, problems);
}

/** The header row and the detected mapping only (for `musubi import --map`, which names columns). */
export async function importLayout(file: ImportFile): Promise<TableLayout> {
  return withImportTable(file, async (table) => detectLayout(table));
}

export function previewImport(db: Db, file: ImportFile): Promise<ImportPreview> {
  return withImportTable(file, async (table) => {
    const p = await planInSlices(db, file, table, { add: () => undefined, update: () => undefined });
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
      problemCount: p.problems.count,
      answers: answersForPreview(p.answers, ANSWERS_SHOWN),
      answerCount: p.answers.all().length,
      missingPeople: p.missingPeople,
    };
  });
}

/** One import at a time per database: a second one plans against what the first has written. */
const importsRunning = new WeakMap<Db, Promise<unknown>>();

function oneAtATime<T>(db: Db, run: () => Promise<T>): Promise<T> {
  const before = importsRunning.get(db) ?? Promise.resolve();
  const next = before.catch(() => undefined).then(run);
  importsRunning.set(db, next);
  return next;
}

/** Staged entries are written this many at a time at most (one transaction each). */
const STAGE_AT_MOST = 4096;
/**
 * While applying, the import waits for a checkpoint that catches up with the WAL after this many
 * rows (db/background-checkpoints.ts `checkpointCaughtUp`): ~40–80 MB of WAL for new people.
 */
const ROWS_BETWEEN_CHECKPOINTS = 20_000;
/** Until the first slice is measured: ~10 µs a row on an idle machine, several times that on a busy one. */
const STAGING_MS_PER_ROW_GUESS = 0.02;
/**
 * An import adding at least this many people, and at least as many as the event already has,
 * applies without the list's reading index and builds it again at its end (roster/reading-index.ts):
 * keeping it costs ~9 µs per new person, building it ~1.2 µs per person in the table, so past
 * this point building wins, and below it the saving is too small to leave the list unindexed.
 */
const REBUILD_READING_INDEX_AT = 10_000;

function rebuildsReadingIndex(db: Db, newPeople: number): boolean {
  if (newPeople < REBUILD_READING_INDEX_AT) return false;
  const { n } = cachedStatement(db, 'SELECT count(*) AS n FROM attendees').get() as { n: number };
  return newPeople >= n;
}

/**
 * Carries out an import: new people through the bulk path (one `attendee.upsert` entry each),
 * changed people as ordinary upserts of the changed fields only. Check-ins are never touched. Rows
 * with errors are left out; a file-level error (no name column) writes nothing at all.
 *
 * In short transactions, so that the door keeps answering (staging.ts): the file's rows are read
 * and planned in slices and each slice's entries are staged out of sight (a file refused past its
 * first rows, a malformed record or a limit, drops what was staged); once all are staged the run is marked
 * applying and moved into the log and the projection a chunk per transaction, each sized to take
 * ~12 ms, with a turn of the event loop between. Nothing of the import is visible until the whole
 * file is planned, and once it starts to be visible it is finished, on restart if need be.
 */
export function commitImport(db: Db, recorder: LocalRecorder, station: string, file: ImportFile): Promise<ImportSummary> {
  return oneAtATime(db, () =>
    withImportTable(file, async (table) => {
      // Opening the file (its encoding, its first records) and the caller's work before it (the
      // service decodes the request's base64) were one stretch with the first slice of planning.
      await yieldToEventLoop();
      const runId = newId();
      openRun(db, runId, new Date(recorder.wallClock()).toISOString());
      const problems = new ProblemList(file.fileName);
      // Only the current slice's people are held: each slice is staged before the next is planned.
      let pending: { attendeeId: string | undefined; fields: PartialAttendeeFields }[] = [];
      let staged = 0;
      // Staging a slice's people takes about as long as planning them: the slice keeps room for it.
      const stagingCost = new CostPerItem(STAGING_MS_PER_ROW_GUESS);
      const flush = (): void => {
        // After a file-level error nothing will be written: do not stage what is only thrown away.
        if (problems.hasFileError) pending = [];
        // Ids in bulk (newIdBatch): one system call for the slice, not one per id.
        const ids = newIdBatch(pending.length * 2);
        const entries = pending.map(({ attendeeId, fields }, i): StagedEntry => ({
          kind: attendeeId === undefined ? 'new' : 'update',
          entry: {
            id: ids[pending.length + i] ?? newId(),
            station,
            hlc: recorder.clock.now(),
            type: 'attendee.upsert',
            attendeeId: attendeeId ?? ids[i] ?? newId(),
            data: { fields },
          },
        }));
        pending = [];
        stagingCost.run(entries.length, () => {
          for (let at = 0; at < entries.length; at += STAGE_AT_MOST) {
            const part = entries.slice(at, at + STAGE_AT_MOST);
            stageEntries(db, runId, staged, part);
            staged += part.length;
          }
        });
      };
      const sink: SliceSink = {
        add: (planned: PlannedNew) => pending.push({ attendeeId: undefined, fields: planned.fields }),
        update: (planned: PlannedUpdate) => pending.push({ attendeeId: planned.id, fields: planned.fields }),
        between: flush,
        betweenMs: () => stagingCost.expectedMs(pending.length),
      };
      let p: ImportPlan;
      try {
        p = await planInSlices(db, file, table, sink, problems);
        flush();
        if (p.problems.hasFileError) {
          const first = p.problems.all.find((problem) => problem.row === 0);
          const message = first?.message ?? 'The file cannot be imported.';
          // The CLI prints only the message: it names the file, as every import error does.
          throw new MusubiError('import-failed', message.startsWith(file.fileName) ? message : `${file.fileName}: ${message}`, first?.where);
        }
      } catch (error) {
        await dropRun(db, runId);
        throw error;
      }
      const withoutReadingIndex = rebuildsReadingIndex(db, p.counts.new);
      markApplying(db, runId, { withoutReadingIndex });
      // At the smallest first: a changed person (the general path, its search keys made again) costs
      // ~0.3 ms on a loaded core, so a first chunk of 256 held the desk ~80 ms; the sizer grows
      // the chunks by half each time they come in under the slice (new people soon reach thousands).
      const sizer = new ChunkSizer(64, 8192, 64);
      // The search index's share of each chunk (re-reading the people it changed) is part of its time.
      const applyChunk = (size: number): number => {
        const moved = moveStagedChunk(db, runId, size);
        searchIndexFor(db).keepUp();
        return moved;
      };
      // No new full build of the search index until the last chunk is in (`holdBuilds`).
      const release = searchIndexFor(db).holdBuilds();
      try {
        let sinceCheckpoint = 0;
        for (let moved = sizer.run(applyChunk); moved > 0; moved = sizer.run(applyChunk)) {
          sinceCheckpoint += moved;
          if (sinceCheckpoint < ROWS_BETWEEN_CHECKPOINTS) {
            await yieldToEventLoop();
            continue;
          }
          // Writing nothing meanwhile, so that the checkpoint catches up and the WAL starts over.
          await checkpointCaughtUp(db);
          sinceCheckpoint = 0;
        }
        if (withoutReadingIndex) {
          // Its last transaction builds the index: off this thread, which keeps answering meanwhile.
          await finishRunOffThread(db, runId);
        } else {
          // The run's last commit is FULL: its fsync would write out every page the relaxed chunks left
          // in the OS cache, on this thread. Written out off the thread first, it has little left to do.
          await writeWalOut(db);
          finishRun(db, runId);
        }
      } finally {
        release();
      }
      // The answer choices stay with the event (and sync), so the next import of it maps the same way.
      // Recorded once the people are in: a restart that finishes a staged import keeps the event's
      // earlier choices, which the organizer's next import offers again.
      if (p.answerMapToSave) recorder.record([{ type: 'settings.upsert', attendeeId: null, data: { fields: { answerMap: p.answerMapToSave } } }]);
      return {
        imported: p.counts.new,
        updated: p.counts.updated,
        unchanged: p.counts.unchanged,
        cancelled: p.counts.cancelled,
        skipped: p.counts.skipped,
        problems: p.problems.all.slice(0, PROBLEMS_SHOWN),
        problemCount: p.problems.count,
        answers: answersForPreview(p.answers, ANSWERS_SHOWN),
      };
    }),
  );
}

/** Removes a run that will not be applied, a slice at a time. */
async function dropRun(db: Db, runId: string): Promise<void> {
  const sizer = new ChunkSizer(256, 50_000, 4096);
  while (sizer.run((size) => dropRunChunk(db, runId, size)) > 0) await yieldToEventLoop();
}
