import { EMPTY_ATTENDEE_FIELDS } from '../../../shared/domain/attendee';
import type { EntryOfType } from '../../../shared/domain/entry';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';
import { notifyAttendeeRefreshed } from './attendee-listeners';
import { PACKED } from './packed-fields';

const EMPTY = EMPTY_ATTENDEE_FIELDS;
const EMPTY_LIST = JSON.stringify(EMPTY.goals);

/**
 * Projects a person the log knew nothing about before their one `attendee.upsert` (an import, or
 * a pull of someone else's registrations): every field wins (there is no earlier stamp) and there
 * are no check-ins, prints or tombstone, so the row is a plain insert and the field state is one
 * packed row (packed-fields.ts) instead of a read-compare-write per field and a recompute.
 * `fieldsJson`: `JSON.stringify(entry.data.fields)` when the caller already has it.
 */
export function insertNewAttendee(db: Db, entry: EntryOfType<'attendee.upsert'>, fieldsJson = JSON.stringify(entry.data.fields)): void {
  // Positional parameters: binding by name costs noticeably more at 100,000 rows.
  cachedStatement(db, 'INSERT INTO attendee_fields (attendee_id, field, value, hlc, entry_id) VALUES (?, ?, ?, ?, ?)').run(
    entry.attendeeId,
    PACKED,
    fieldsJson,
    entry.hlc,
    entry.id,
  );
  // Field by field with the empty value as default (no merged copy): this runs 100,000 times.
  const fields = entry.data.fields;
  cachedStatement(db,
    `INSERT INTO attendees (id, ticket_code, name, name_kana, company, title, industry, goals, looking_for, email, phone,
       walk_in, vcard_opt_in, note, removed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  ).run(
    entry.attendeeId,
    fields.ticketCode ?? EMPTY.ticketCode,
    fields.name ?? EMPTY.name,
    fields.nameKana ?? EMPTY.nameKana,
    fields.company ?? EMPTY.company,
    fields.title ?? EMPTY.title,
    fields.industry ?? EMPTY.industry,
    fields.goals ? JSON.stringify(fields.goals) : EMPTY_LIST,
    fields.lookingFor ? JSON.stringify(fields.lookingFor) : EMPTY_LIST,
    fields.email ?? EMPTY.email,
    fields.phone ?? EMPTY.phone,
    (fields.walkIn ?? EMPTY.walkIn) ? 1 : 0,
    (fields.vcardOptIn ?? EMPTY.vcardOptIn) ? 1 : 0,
    fields.note ?? EMPTY.note,
  );
  notifyAttendeeRefreshed(db, entry.attendeeId);
}
