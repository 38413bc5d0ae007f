import { EMPTY_ATTENDEE_FIELDS, type AttendeeFields } from '../../../shared/domain/attendee';
import type { EntryOfType } from '../../../shared/domain/entry';
import type { Db } from '../db/types';
import { applyEntry } from '../projection/apply';
import { notifyAttendeeRefreshed } from '../projection/attendee-listeners';
import { PACKED } from '../projection/packed-fields';
import type { AppendResult } from './append';

type UpsertEntry = EntryOfType<'attendee.upsert'>;

function withoutUndefined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The bulk path for imports: appends `attendee.upsert` entries like `appendEntries` does (one entry
 * per person, in the log, synced like any other), but projects a person the log has never seen
 * before with plain inserts instead of the general per-field read-compare-write and the
 * recompute of check-ins and prints (about six statements per row, too slow for 100,000 rows).
 * For such a person the result is the same by construction: every field wins (there is no earlier
 * stamp), and there are no check-ins, prints or tombstone. The field state is written as one packed
 * row (projection/packed-fields.ts). Anyone the log already knows goes through the general
 * `applyEntry`. Runs in one transaction. `freshIds`: the caller has just minted every attendee id
 * (an import), so the check that the log does not know them yet is skipped.
 */
export function appendNewAttendees(db: Db, entries: readonly UpsertEntry[], options: { freshIds?: boolean } = {}): AppendResult {
  // Positional parameters: binding by name costs noticeably more at 100,000 rows.
  const insertEntry = db.prepare(
    'INSERT OR IGNORE INTO entries (id, station, hlc, type, attendee_id, data) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const knownElsewhere = db.prepare('SELECT 1 FROM entries WHERE attendee_id = ? AND id <> ? LIMIT 1').pluck();
  const insertPacked = db.prepare(
    'INSERT INTO attendee_fields (attendee_id, field, value, hlc, entry_id) VALUES (?, ?, ?, ?, ?)',
  );
  const insertRow = db.prepare(
    `INSERT INTO attendees (id, ticket_code, name, name_kana, company, title, industry, goals, looking_for, email, phone,
       walk_in, vcard_opt_in, note, removed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  );
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
      insertPacked.run(entry.attendeeId, PACKED, fieldsJson, entry.hlc, entry.id);
      const fields: AttendeeFields = { ...EMPTY_ATTENDEE_FIELDS, ...withoutUndefined(entry.data.fields) };
      insertRow.run(
        entry.attendeeId,
        fields.ticketCode,
        fields.name,
        fields.nameKana,
        fields.company,
        fields.title,
        fields.industry,
        JSON.stringify(fields.goals),
        JSON.stringify(fields.lookingFor),
        fields.email,
        fields.phone,
        fields.walkIn ? 1 : 0,
        fields.vcardOptIn ? 1 : 0,
        fields.note,
      );
      notifyAttendeeRefreshed(db, entry.attendeeId);
    }
    return { applied, duplicates };
  })();
}
