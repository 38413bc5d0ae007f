import type { EntryOfType } from '../../../shared/domain/entry';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';
import { applyEntry } from '../projection/apply';
import { insertNewAttendee } from '../projection/new-attendee';
import type { AppendResult } from './append';

type UpsertEntry = EntryOfType<'attendee.upsert'>;

/**
 * The bulk path for imports: appends `attendee.upsert` entries like `appendEntries` does (one entry
 * per person, in the log, synced like any other), but projects a person the log has never seen
 * before with plain inserts (`insertNewAttendee`) instead of the general per-field
 * read-compare-write and the recompute of check-ins and prints. Anyone the log already knows goes
 * through the general `applyEntry`. Runs in one transaction. `freshIds`: the caller has just
 * minted every attendee id (an import), so the check that the log does not know them yet is skipped.
 */
export function appendNewAttendees(db: Db, entries: readonly UpsertEntry[], options: { freshIds?: boolean } = {}): AppendResult {
  const insertEntry = cachedStatement(db,
    'INSERT OR IGNORE INTO entries (id, station, hlc, type, attendee_id, data) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const knownElsewhere = cachedStatement(db, 'SELECT 1 AS known FROM entries WHERE attendee_id = ? AND id <> ? LIMIT 1');
  return db.transaction(() => {
    const applied: UpsertEntry[] = [];
    let duplicates = 0;
    for (const entry of entries) {
      const fieldsJson = JSON.stringify(entry.data.fields);
      const data = `{"fields":${fieldsJson}}`;
      if (insertEntry.run(entry.id, entry.station, entry.hlc, entry.type, entry.attendeeId, data).changes === 0) {
        duplicates++;
        continue;
      }
      applied.push(entry);
      if (!options.freshIds && knownElsewhere.get(entry.attendeeId, entry.id) !== undefined) {
        applyEntry(db, entry);
        continue;
      }
      insertNewAttendee(db, entry, fieldsJson);
    }
    return { applied, duplicates };
  })();
}
