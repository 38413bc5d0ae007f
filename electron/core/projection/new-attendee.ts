import { EMPTY_ATTENDEE_FIELDS } from '../../../shared/domain/attendee';
import type { EntryOfType } from '../../../shared/domain/entry';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';
import { multiRowValues, statementChunks } from '../log/insert-entries';
import { notifyAttendeeRefreshed } from './attendee-listeners';

const EMPTY = EMPTY_ATTENDEE_FIELDS;
const EMPTY_LIST = JSON.stringify(EMPTY.goals);
const COLUMNS = 18;
/** `insertNewAttendees`' columns, in the order of both its VALUES and `newAttendeeValuesSql`. */
const INSERT_COLUMNS =
  'id, ticket_code, name, name_kana, company, title, industry, goals, looking_for, email, phone, walk_in, vcard_opt_in, partner_consent, note, nickname, registration_status, ticket_type';

/**
 * Projects people the log knew nothing about before their one `attendee.upsert` (an import, or a
 * pull of someone else's registrations): every field wins (there is no earlier stamp) and there
 * are no check-ins, prints or tombstone, so each row is a plain insert. No `attendee_fields` rows
 * are written: such a person's field state is their one upsert entry in the log, which the LWW code
 * reads when a later change arrives (attendees.ts, "log-backed"). An import of 100,000 people so
 * writes the log and the rows and nothing else.
 */
export function insertNewAttendees(db: Db, entries: readonly EntryOfType<'attendee.upsert'>[]): void {
  for (const chunk of statementChunks(entries)) {
    const params: unknown[] = [];
    // Field by field with the empty value as default (no merged copy): this runs 100,000 times.
    for (const { attendeeId, data: { fields } } of chunk) {
      params.push(
        attendeeId,
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
        (fields.partnerConsent ?? EMPTY.partnerConsent) ? 1 : 0,
        fields.note ?? EMPTY.note,
        fields.nickname ?? EMPTY.nickname,
        fields.registrationStatus ?? EMPTY.registrationStatus,
        fields.ticketType ?? EMPTY.ticketType,
      );
    }
    cachedStatement(db, `INSERT INTO attendees (${INSERT_COLUMNS}) VALUES ${multiRowValues(COLUMNS, chunk.length)}`).run(params);
    for (const entry of chunk) notifyAttendeeRefreshed(db, entry.attendeeId);
  }
}

type TextField = 'ticketCode' | 'name' | 'nameKana' | 'company' | 'title' | 'industry' | 'email' | 'phone' | 'note' | 'nickname' | 'registrationStatus' | 'ticketType';

/**
 * The row `insertNewAttendees` writes, as SQL over columns already in the database: `id` the
 * attendee id and `data` the entry's `{"fields":…}` text. For projecting new people straight from
 * rows SQLite holds (a staged import) in one INSERT … SELECT, without reading them into JS,
 * parsing, and binding 18 values a person back. Same defaults field by field: an absent (or null)
 * text takes the empty value, an absent list `[]` (a list is copied as its JSON text, which is
 * JSON.stringify's, the `data` having been written by it), an absent flag 0.
 * `test/integration/import-staged-sql.property.test.ts` holds the two paths to the same rows.
 */
export function newAttendeeValuesSql(id: string, data: string): string {
  const text = (field: TextField): string => `coalesce(${data} ->> '$.fields.${field}', ${sqlText(EMPTY[field])})`;
  const list = (field: 'goals' | 'lookingFor'): string => `coalesce(nullif(${data} -> '$.fields.${field}', 'null'), ${sqlText(EMPTY_LIST)})`;
  const flag = (field: 'walkIn' | 'vcardOptIn' | 'partnerConsent'): string =>
    `(CASE WHEN coalesce(${data} ->> '$.fields.${field}', ${EMPTY[field] ? 1 : 0}) THEN 1 ELSE 0 END)`;
  return [
    id,
    text('ticketCode'), text('name'), text('nameKana'), text('company'), text('title'), text('industry'),
    list('goals'), list('lookingFor'), text('email'), text('phone'),
    flag('walkIn'), flag('vcardOptIn'), flag('partnerConsent'),
    text('note'), text('nickname'), text('registrationStatus'), text('ticketType'),
  ].join(', ');
}

function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * `INSERT INTO attendees (…) SELECT <newAttendeeValuesSql> FROM <from> RETURNING id`: the caller
 * gives the FROM clause (with its WHERE and ORDER BY; the attendees' rows are inserted in that
 * order) whose rows have `id` and `data` as named here. Tells the listeners about each person, as
 * `insertNewAttendees` does; returns the ids inserted, in order.
 */
export function insertNewAttendeesSql(db: Db, select: { id: string; data: string; from: string }, params: unknown[]): string[] {
  const rows = cachedStatement(db,
    `INSERT INTO attendees (${INSERT_COLUMNS}) SELECT ${newAttendeeValuesSql(select.id, select.data)} FROM ${select.from} RETURNING id`,
  ).all(params) as { id: string }[];
  const ids = rows.map((row) => row.id);
  for (const id of ids) notifyAttendeeRefreshed(db, id);
  return ids;
}
