import type { Entry } from '../../../shared/domain/entry';
import type { Db } from '../db/types';
import { applyEntries } from '../projection/apply';
import { cachedStatement } from '../db/statements';
import { insertEntryRows } from './insert-entries';

export interface AppendResult {
  /** Entries that were new to this database and are now in the projection. */
  applied: Entry[];
  /** Entries this database already had (same id): ignored, which makes replays harmless. */
  duplicates: number;
}

export interface AppendOptions {
  /** The entries came from a hub (`entries.pulled`): the station does not push them back. */
  pulled?: boolean;
}

/**
 * Appends entries to the log and folds the new ones into the projection, all in one synchronous
 * transaction: either the whole batch is in the log and the tables, or none of it is. The
 * projection is applied per batch (`applyEntries`): each touched attendee's row is recomputed once.
 */
export function appendEntries(db: Db, entries: readonly Entry[], options: AppendOptions = {}): AppendResult {
  return db.transaction(() => {
    const knownUpToSeq = (cachedStatement(db, 'SELECT coalesce(max(seq), 0) AS seq FROM entries').get() as { seq: number }).seq;
    const applied = insertEntryRows(db, entries, options.pulled ?? false);
    applyEntries(db, applied, knownUpToSeq);
    return { applied, duplicates: entries.length - applied.length };
  }).immediate();
}

/** An `entries` row as stored (data still JSON text). */
export interface EntryRow {
  id: string;
  station: string;
  hlc: string;
  type: Entry['type'];
  attendee_id: string | null;
  data: string;
}

export function entryFromRow(row: EntryRow): Entry {
  return {
    id: row.id,
    station: row.station,
    hlc: row.hlc,
    type: row.type,
    attendeeId: row.attendee_id,
    data: JSON.parse(row.data) as unknown,
  } as Entry;
}

/** The whole log in local arrival order (for tests, export and sync). */
export function readEntries(db: Db, afterSeq = 0, limit = Number.MAX_SAFE_INTEGER): Entry[] {
  const rows = db
    .prepare('SELECT id, station, hlc, type, attendee_id, data FROM entries WHERE seq > ? ORDER BY seq LIMIT ?')
    .all(afterSeq, limit) as EntryRow[];
  return rows.map(entryFromRow);
}

export function latestHlc(db: Db): string | undefined {
  const row = cachedStatement(db, 'SELECT max(hlc) AS hlc FROM entries').get() as { hlc: string | null };
  return row.hlc ?? undefined;
}
