import { EMPTY_ATTENDEE_FIELDS } from '../../../shared/domain/attendee';
import type { EntryOfType } from '../../../shared/domain/entry';
import { cachedStatement } from '../db/statements';
import type { Db } from '../db/types';
import { multiRowValues, statementChunks } from '../log/insert-entries';
import { notifyAttendeeRefreshed } from './attendee-listeners';

const EMPTY = EMPTY_ATTENDEE_FIELDS;
const EMPTY_LIST = JSON.stringify(EMPTY.goals);
const COLUMNS = 18;

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
    cachedStatement(db,
      `INSERT INTO attendees (id, ticket_code, name, name_kana, company, title, industry, goals, looking_for, email, phone,
         walk_in, vcard_opt_in, partner_consent, note, nickname, registration_status, ticket_type) VALUES ${multiRowValues(COLUMNS, chunk.length)}`,
    ).run(params);
    for (const entry of chunk) notifyAttendeeRefreshed(db, entry.attendeeId);
  }
}
