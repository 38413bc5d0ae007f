import type { EntryOfType } from '../../../shared/domain/entry';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';
import { applyEntry } from '../projection/apply';
import { insertNewAttendees } from '../projection/new-attendee';
import type { AppendResult } from './append';
import { insertEntryRows } from './insert-entries';

type UpsertEntry = EntryOfType<'attendee.upsert'>;

/**
 * The bulk path for imports: appends `attendee.upsert` entries like `appendEntries` does (one entry
 * per person, in the log, synced like any other), but projects a person the log has never seen
 * before with plain inserts (`insertNewAttendees`) instead of the general per-field
 * read-compare-write and the recompute of check-ins and prints. Anyone the log already knows goes
 * through the general `applyEntry`. Runs in one transaction. `freshIds`: the caller has just
 * minted every attendee id (an import), so the check that the log does not know them yet is skipped.
 */
export function appendNewAttendees(db: Db, entries: readonly UpsertEntry[], options: { freshIds?: boolean } = {}): AppendResult {
  const knownElsewhere = cachedStatement(db, 'SELECT 1 AS known FROM entries WHERE attendee_id = ? AND id <> ? LIMIT 1');
  return db.transaction(() => {
    // `{"fields":…}` by hand: the same bytes as JSON.stringify(entry.data), one object walk fewer.
    const applied = insertEntryRows(db, entries, false, (entry) => `{"fields":${JSON.stringify(entry.data.fields)}}`);
    const fresh = options.freshIds ? applied : applied.filter((entry) => knownElsewhere.get(entry.attendeeId, entry.id) === undefined);
    if (fresh.length < applied.length) {
      const freshIds = new Set(fresh.map((entry) => entry.id));
      for (const entry of applied) if (!freshIds.has(entry.id)) applyEntry(db, entry);
    }
    insertNewAttendees(db, fresh);
    return { applied, duplicates: entries.length - applied.length };
  }).immediate();
}
