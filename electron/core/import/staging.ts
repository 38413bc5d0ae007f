import type { EntryOfType } from '../../../shared/domain/entry';
import { cachedStatement } from '../db/statements';
import { relaxedTransaction } from '../db/relaxed-transaction';
import type { Db } from '../db/types';
import { appendEntries } from '../log/append';
import { insertNewAttendees, insertNewAttendeesSql } from '../projection/new-attendee';
import { multiRowValues, statementChunks } from '../log/insert-entries';
import { runOffThread } from '../db/off-thread-transaction';
import { CREATE_READING_INDEX, READING_INDEX } from '../roster/reading-index';

/**
 * An import in short transactions, all or nothing as anyone sees it (migration 011):
 *
 * 1. `openRun` — a run in state `staging`.
 * 2. `stageEntries` — the planned, already stamped `attendee.upsert` entries go to `import_staged`
 *    a chunk per transaction while the file is still being planned. Nothing reads that table but
 *    this file: screens, search, exports and sync see none of it.
 * 3. `markApplying` — one row update, the point of no return: the whole file is planned and staged.
 *    A run of many new people also drops the list's reading index here (roster/reading-index.ts).
 * 4. `applyStagedChunk` — a chunk of staged entries goes into the log and the projection (new people
 *    by the bulk path, changed people by the general one) and leaves the staging table, in one
 *    transaction; repeated until none is left, then the run is removed (`finishRun`), in the same
 *    transaction as the reading index is built again if the run dropped it.
 *
 * A run that fails before step 3 (a refused file, a thrown error) is dropped (`dropRun`). On start
 * (`recoverImports`) a run still `staging` is dropped and one `applying` is finished: a station
 * killed in the middle shows the attendee list from before the import or from after it.
 */
export type StagedKind = 'new' | 'update';

/**
 * The chunks of a run commit with `synchronous = NORMAL` (db/relaxed-transaction.ts): without it
 * every chunk would wait for its own fsync (thousands per large import, each holding the thread).
 * A power cut loses only a suffix of commits: staged or applied chunks lost that way come back as
 * staged (the delete was lost with them) and are applied again, or, if the `applying` mark was
 * lost too, the whole run is dropped. The run's last transaction (`applyStagedChunk` finding
 * nothing left) is FULL, so the import is durable before the organizer is told it is done.
 */
const relaxed = relaxedTransaction;

export interface StagedEntry {
  kind: StagedKind;
  entry: EntryOfType<'attendee.upsert'>;
}

/** Runs this process is carrying out right now, which recovery must leave alone. */
const liveRuns = new Set<string>();

export function openRun(db: Db, runId: string, startedAt: string): void {
  cachedStatement(db, "INSERT INTO import_runs (id, state, started_at) VALUES (?, 'staging', ?)").run(runId, startedAt);
  liveRuns.add(runId);
}

/** Stages `entries` as `seq`, `seq + 1`, … of the run, in one transaction. */
export function stageEntries(db: Db, runId: string, firstSeq: number, entries: readonly StagedEntry[]): void {
  relaxed(db, () => {
    let seq = firstSeq;
    for (const chunk of statementChunks(entries)) {
      const params: unknown[] = [];
      for (const { kind, entry } of chunk) {
        params.push(runId, seq++, kind, entry.id, entry.attendeeId, entry.station, entry.hlc, `{"fields":${JSON.stringify(entry.data.fields)}}`);
      }
      cachedStatement(db,
        `INSERT INTO import_staged (run_id, seq, kind, entry_id, attendee_id, station, hlc, data) VALUES ${multiRowValues(8, chunk.length)}`,
      ).run(params);
    }
  });
}

/**
 * The point of no return. `withoutReadingIndex`: the run adds many people (run-import.ts decides),
 * so the list's reading index is dropped with the mark, in the same transaction, and the run's
 * last transaction builds it again. It is therefore missing only while a run is applying, and a
 * restart that finishes the run (`recoverImports`) builds it.
 */
export function markApplying(db: Db, runId: string, options: { withoutReadingIndex?: boolean } = {}): void {
  relaxed(db, () => {
    cachedStatement(db, "UPDATE import_runs SET state = 'applying' WHERE id = ?").run(runId);
    if (options.withoutReadingIndex) db.exec(`DROP INDEX IF EXISTS ${READING_INDEX}`);
  });
}

interface StagedRow {
  entry_id: string;
  attendee_id: string;
  station: string;
  hlc: string;
  data: string;
}

/**
 * Moves up to `limit` staged entries of the run into the log and the projection, in stage order, in
 * one transaction; returns how many it moved (0: the run is done and removed).
 *
 * New people never pass through JS again: their log rows and their projection rows are each one
 * INSERT … SELECT over the staged rows (the staged `data` is already the `{"fields":…}` the bulk
 * path writes), in stage order. Only the changed people, which take the general path, are read.
 * In the log the chunk's new people come first and its changed people after them, as before.
 */
export function applyStagedChunk(db: Db, runId: string, limit: number): number {
  const moved = moveStagedChunk(db, runId, limit);
  if (moved === 0) finishRun(db, runId);
  return moved;
}

/**
 * `applyStagedChunk` without the end: moves up to `limit` staged entries and returns how many, 0
 * when none is left; the caller then calls `finishRun`.
 */
export function moveStagedChunk(db: Db, runId: string, limit: number): number {
  if (cachedStatement(db, 'SELECT 1 AS left FROM import_staged WHERE run_id = ? LIMIT 1').get(runId) === undefined) return 0;
  return relaxed(db, (): number => {
    const chunk = cachedStatement(db,
      `SELECT count(*) AS moved, max(seq) AS lastSeq, coalesce(sum(kind = 'new'), 0) AS additions,
           coalesce(sum(kind = 'new' AND instr(data, '\\ud') > 0), 0) AS surrogates
         FROM (SELECT seq, kind, data FROM import_staged WHERE run_id = ? ORDER BY seq LIMIT ?)`,
    ).get(runId, limit) as { moved: number; lastSeq: number | null; additions: number; surrogates: number };
    if (chunk.lastSeq === null) return 0;
    if (chunk.additions > 0) moveNewPeople(db, runId, chunk.lastSeq, chunk.additions, chunk.surrogates === 0);
    if (chunk.additions < chunk.moved) appendEntries(db, stagedEntries(db, runId, 'update', chunk.lastSeq));
    cachedStatement(db, 'DELETE FROM import_staged WHERE run_id = ? AND seq <= ?').run(runId, chunk.lastSeq);
    return chunk.moved;
  });
}

/**
 * Removes a run whose staged entries have all been moved: its last transaction, FULL, so everything
 * before it is on disk once it commits. The reading index is built in it if the run dropped it (a
 * no-op otherwise): on this thread, ~0.12 s at 100,000 people, for a restart's recovery, when
 * nothing is served yet; a running import uses `finishRunOffThread` instead.
 */
export function finishRun(db: Db, runId: string): void {
  db.transaction(() => {
    // Compiled each time, not cached: a statement compiled while the index existed is a no-op.
    db.exec(CREATE_READING_INDEX);
    cachedStatement(db, 'DELETE FROM import_runs WHERE id = ?').run(runId);
  }).immediate();
  liveRuns.delete(runId);
}

/**
 * `finishRun` for a run that dropped the reading index, on a worker's connection
 * (db/off-thread-transaction.ts): building the index is one statement, too long for the thread that
 * answers the desk. Searches and pages are answered meanwhile; a write started then waits for it.
 */
export async function finishRunOffThread(db: Db, runId: string): Promise<void> {
  await runOffThread(db, [{ sql: CREATE_READING_INDEX }, { sql: 'DELETE FROM import_runs WHERE id = ?', params: [runId] }]);
  liveRuns.delete(runId);
}

/** The run's staged entries of one kind up to `lastSeq`, in stage order. */
function stagedEntries(db: Db, runId: string, kind: StagedKind, lastSeq: number): EntryOfType<'attendee.upsert'>[] {
  const rows = cachedStatement(db,
    'SELECT entry_id, attendee_id, station, hlc, data FROM import_staged WHERE run_id = ? AND kind = ? AND seq <= ? ORDER BY seq',
  ).all(runId, kind, lastSeq) as StagedRow[];
  return rows.map((row) => ({
    id: row.entry_id,
    station: row.station,
    hlc: row.hlc,
    type: 'attendee.upsert',
    attendeeId: row.attendee_id,
    data: JSON.parse(row.data) as EntryOfType<'attendee.upsert'>['data'],
  }));
}

/** The staged new people of the run up to `lastSeq`, for INSERT … SELECT. */
const STAGED_NEW = "import_staged WHERE run_id = ? AND kind = 'new' AND seq <= ? ORDER BY seq";

/**
 * Appends the run's `count` staged new people up to `lastSeq` to the log and projects them with
 * plain inserts (their attendee ids were minted for this import: nobody else can know them).
 * Projected from JS as before (parsed, bound) when an entry id the log already holds was skipped,
 * as `insertEntryRows` does (its person is not projected again), and when a staged text has an
 * escaped lone surrogate (JSON.stringify writes one as `\udXXX`; binding from JS stores U+FFFD,
 * SQLite's JSON functions would store the bytes of the surrogate): `bySql` false.
 */
function moveNewPeople(db: Db, runId: string, lastSeq: number, count: number, bySql: boolean): void {
  const logged = cachedStatement(db,
    `INSERT OR IGNORE INTO entries (id, station, hlc, type, attendee_id, data, pulled)
       SELECT entry_id, station, hlc, 'attendee.upsert', attendee_id, data, 0 FROM ${STAGED_NEW}
     RETURNING id`,
  ).all(runId, lastSeq) as { id: string }[];
  if (bySql && logged.length === count) {
    insertNewAttendeesSql(db, { id: 'attendee_id', data: 'data', from: STAGED_NEW }, [runId, lastSeq]);
    return;
  }
  const fresh = new Set(logged.map((row) => row.id));
  insertNewAttendees(db, stagedEntries(db, runId, 'new', lastSeq).filter((entry) => fresh.delete(entry.id)));
}

/** Removes up to `limit` staged rows of a run that will not be applied; the run itself once it has none. */
export function dropRunChunk(db: Db, runId: string, limit: number): number {
  return relaxed(db, (): number => {
    const removed = cachedStatement(db,
      'DELETE FROM import_staged WHERE run_id = ? AND seq IN (SELECT seq FROM import_staged WHERE run_id = ? ORDER BY seq LIMIT ?)',
    ).run(runId, runId, limit).changes;
    if (removed === 0) {
      cachedStatement(db, 'DELETE FROM import_runs WHERE id = ?').run(runId);
      liveRuns.delete(runId);
    }
    return removed;
  });
}

/**
 * Run at start, before anything reads the projection or stamps a change: finishes every import
 * that was fully staged and drops every one that was not. Synchronous: nothing is being served yet.
 * Returns what it did, for the log line.
 */
export function recoverImports(db: Db): { finished: number; dropped: number } {
  const runs = db.prepare('SELECT id, state FROM import_runs').all() as { id: string; state: 'staging' | 'applying' }[];
  let finished = 0;
  let dropped = 0;
  for (const run of runs) {
    if (liveRuns.has(run.id)) continue;
    if (run.state === 'applying') {
      while (applyStagedChunk(db, run.id, 5000) > 0);
      finished++;
    } else {
      while (dropRunChunk(db, run.id, 20_000) > 0);
      dropped++;
    }
  }
  return { finished, dropped };
}
