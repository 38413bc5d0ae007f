import { EMPTY_ATTENDEE_FIELDS, type AttendeeFields } from '../../../shared/domain/attendee';
import type { EntryOfType } from '../../../shared/domain/entry';
import type { Db } from '../db/types';
import { applyEntry } from '../projection/apply';
import { notifyAttendeeRefreshed } from '../projection/attendee-listeners';
import type { AppendResult } from './append';

type UpsertEntry = EntryOfType<'attendee.upsert'>;

/**
 * The bulk path for imports: appends `attendee.upsert` entries like `appendEntries` does (one entry
 * per person, in the log, synced like any other), but projects a person the log has never seen
 * before with two plain inserts instead of the general per-field read-compare-write and the
 * recompute of check-ins and prints (about six statements per row, too slow for 100,000 rows).
 * For such a person the result is the same by construction: every field wins (there is no earlier
 * stamp), and there are no check-ins, prints or tombstone. Anyone the log already knows goes
 * through the general `applyEntry`. Runs in one transaction.
 */
export function appendNewAttendees(db: Db, entries: readonly UpsertEntry[]): AppendResult {
  const insertEntry = db.prepare(
    `INSERT OR IGNORE INTO entries (id, station, hlc, type, attendee_id, data)
     VALUES (@id, @station, @hlc, @type, @attendeeId, @data)`,
  );
  const knownElsewhere = db.prepare('SELECT 1 FROM entries WHERE attendee_id = ? AND id <> ? LIMIT 1').pluck();
  const insertField = db.prepare(
    'INSERT INTO attendee_fields (attendee_id, field, value, hlc, entry_id) VALUES (?, ?, ?, ?, ?)',
  );
  const insertRow = db.prepare(
    `INSERT INTO attendees (id, ticket_code, name, name_kana, company, title, industry, goals, looking_for, email, phone,
       walk_in, vcard_opt_in, note, removed)
     VALUES (@id, @ticketCode, @name, @nameKana, @company, @title, @industry, @goals, @lookingFor, @email, @phone,
       @walkIn, @vcardOptIn, @note, 0)`,
  );
  return db.transaction(() => {
    const applied: UpsertEntry[] = [];
    let duplicates = 0;
    for (const entry of entries) {
      if (insertEntry.run({ ...entry, data: JSON.stringify(entry.data) }).changes === 0) {
        duplicates++;
        continue;
      }
      applied.push(entry);
      if (knownElsewhere.get(entry.attendeeId, entry.id) !== undefined) {
        applyEntry(db, entry);
        continue;
      }
      const fields: AttendeeFields = { ...EMPTY_ATTENDEE_FIELDS };
      for (const [field, value] of Object.entries(entry.data.fields)) {
        if (value === undefined) continue;
        insertField.run(entry.attendeeId, field, JSON.stringify(value), entry.hlc, entry.id);
        Object.assign(fields, { [field]: value });
      }
      insertRow.run({
        id: entry.attendeeId,
        ...fields,
        goals: JSON.stringify(fields.goals),
        lookingFor: JSON.stringify(fields.lookingFor),
        walkIn: fields.walkIn ? 1 : 0,
        vcardOptIn: fields.vcardOptIn ? 1 : 0,
      });
      notifyAttendeeRefreshed(db, entry.attendeeId);
    }
    return { applied, duplicates };
  })();
}
