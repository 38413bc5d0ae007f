import type { Entry, EntryOfType } from '../../../shared/domain/entry';
import type { Db } from '../db/types';
import { cachedStatement } from '../db/statements';
import { multiRowValues, statementChunks } from '../log/insert-entries';
import { applyAttendeeFieldWrites, refreshAttendee } from './attendees';
import { refreshCheckinColumns } from './checkin-columns';
import { insertNewAttendees } from './new-attendee';
import { applySettingsUpsert } from './settings';

type UpsertEntry = EntryOfType<'attendee.upsert'>;

/** What one batch changed for one attendee; the row is recomputed once, after the whole batch. */
interface AttendeeChanges {
  upserts: UpsertEntry[];
  checkins: boolean;
  other: boolean;
}

/**
 * Folds a batch of entries that have just been added to the log (none of them known before) into
 * the projection tables. Every rule is order-independent (per-field LWW, removal as LWW state, undo joined by
 * id), so the tables match `foldEntries` of the same set of entries whatever order and batching
 * they arrive in. Must run inside the caller's transaction.
 *
 * Per entry only the facts are stored (field stamps, check-in, undo and print rows); each touched
 * attendee's row is then recomputed once per batch, not once per entry. `knownUpToSeq` is the
 * highest log seq before this batch: a person with a single upsert in the batch and nothing in the
 * log up to there takes the plain-insert path (`insertNewAttendees`).
 */
export function applyEntries(db: Db, entries: readonly Entry[], knownUpToSeq: number): void {
  const byAttendee = new Map<string, AttendeeChanges>();
  const changesOf = (attendeeId: string): AttendeeChanges => {
    let changes = byAttendee.get(attendeeId);
    if (!changes) byAttendee.set(attendeeId, (changes = { upserts: [], checkins: false, other: false }));
    return changes;
  };
  const checkins: EntryOfType<'checkin'>[] = [];
  for (const entry of entries) {
    switch (entry.type) {
      case 'settings.upsert':
        applySettingsUpsert(db, entry);
        break;
      case 'attendee.upsert':
        changesOf(entry.attendeeId).upserts.push(entry);
        break;
      case 'attendee.remove':
      case 'attendee.restore':
        changesOf(entry.attendeeId).other = true;
        break;
      case 'checkin':
        checkins.push(entry);
        changesOf(entry.attendeeId).checkins = true;
        break;
      case 'checkin.undo':
        cachedStatement(db, 'INSERT OR IGNORE INTO checkin_undos (id, of_checkin, attendee_id) VALUES (?, ?, ?)').run(
          entry.id,
          entry.data.of,
          entry.attendeeId,
        );
        changesOf(entry.attendeeId).checkins = true;
        break;
      case 'badge.printed':
        cachedStatement(db,
          'INSERT OR IGNORE INTO badge_prints (id, attendee_id, station, hlc, printer, copies) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(entry.id, entry.attendeeId, entry.station, entry.hlc, entry.data.printer, entry.data.copies);
        changesOf(entry.attendeeId).other = true;
        break;
      case 'attendee.presence':
        cachedStatement(db, 'INSERT OR IGNORE INTO presence_marks (id, attendee_id, hlc, state) VALUES (?, ?, ?, ?)').run(
          entry.id,
          entry.attendeeId,
          entry.hlc,
          entry.data.state,
        );
        // Presence is decided with the check-ins (the latest arrival or mark), so it takes their path.
        changesOf(entry.attendeeId).checkins = true;
        break;
      case 'partners.suggested':
        cachedStatement(db, 'INSERT OR IGNORE INTO partner_suggestions (id, attendee_id, hlc, at, suggested) VALUES (?, ?, ?, ?, ?)').run(
          entry.id,
          entry.attendeeId,
          entry.hlc,
          entry.data.at,
          JSON.stringify(entry.data.suggested),
        );
        break;
    }
  }
  insertCheckinRows(db, checkins);
  const knownBefore = cachedStatement(db, 'SELECT 1 AS known FROM entries WHERE attendee_id = ? AND seq <= ? LIMIT 1');
  const newPeople: UpsertEntry[] = [];
  const checkinsOnly: string[] = [];
  for (const [attendeeId, changes] of byAttendee) {
    const [only] = changes.upserts;
    if (only && changes.upserts.length === 1 && !changes.checkins && !changes.other && knownBefore.get(attendeeId, knownUpToSeq) === undefined) {
      newPeople.push(only);
      continue;
    }
    if (changes.upserts.length > 0) applyAttendeeFieldWrites(db, attendeeId, changes.upserts);
    // Check-ins and undos alone touch only the check-in columns; anything else recomputes the row.
    if (changes.upserts.length > 0 || changes.other) refreshAttendee(db, attendeeId);
    else checkinsOnly.push(attendeeId);
  }
  refreshCheckinColumns(db, checkinsOnly);
  insertNewAttendees(db, newPeople);
}

/** Folds one entry just added to the log through the general path (see `applyEntries`). */
export function applyEntry(db: Db, entry: Entry): void {
  applyEntries(db, [entry], Number.MAX_SAFE_INTEGER);
}

/** The check-in facts of a batch, ROWS_PER_STATEMENT rows per INSERT (a replayed one is ignored). */
function insertCheckinRows(db: Db, checkins: readonly EntryOfType<'checkin'>[]): void {
  for (const chunk of statementChunks(checkins)) {
    const params: unknown[] = [];
    for (const c of chunk) params.push(c.id, c.attendeeId, c.station, c.hlc, c.data.source, c.data.scannedAt, c.data.list ?? null);
    cachedStatement(db,
      `INSERT OR IGNORE INTO checkins (id, attendee_id, station, hlc, source, scanned_at, list) VALUES ${multiRowValues(7, chunk.length)}`,
    ).run(params);
  }
}
