import type { Entry } from '../../../shared/domain/entry';
import type { Db } from '../db/types';
import { applyAttendeeUpsert, refreshAttendee } from './attendees';
import { applySettingsUpsert } from './settings';
import { cachedStatement } from '../db/statements';

/**
 * Folds one new entry into the projection tables. Every rule here is order-independent (per-field
 * LWW, tombstones, undo joined by id), so the tables match `foldEntries` of the same set of entries
 * whatever order they arrive in. Must run inside the caller's transaction.
 */
export function applyEntry(db: Db, entry: Entry): void {
  switch (entry.type) {
    case 'settings.upsert':
      applySettingsUpsert(db, entry);
      return;
    case 'attendee.upsert':
      applyAttendeeUpsert(db, entry);
      return;
    case 'attendee.remove':
      refreshAttendee(db, entry.attendeeId);
      return;
    case 'checkin':
      cachedStatement(db, 
        `INSERT OR IGNORE INTO checkins (id, attendee_id, station, hlc, source, scanned_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(entry.id, entry.attendeeId, entry.station, entry.hlc, entry.data.source, entry.data.scannedAt);
      refreshAttendee(db, entry.attendeeId);
      return;
    case 'checkin.undo':
      cachedStatement(db, 'INSERT OR IGNORE INTO checkin_undos (id, of_checkin, attendee_id) VALUES (?, ?, ?)').run(
        entry.id,
        entry.data.of,
        entry.attendeeId,
      );
      refreshAttendee(db, entry.attendeeId);
      return;
    case 'badge.printed':
      cachedStatement(db, 
        'INSERT OR IGNORE INTO badge_prints (id, attendee_id, station, hlc, printer, copies) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(entry.id, entry.attendeeId, entry.station, entry.hlc, entry.data.printer, entry.data.copies);
      refreshAttendee(db, entry.attendeeId);
      return;
  }
}
