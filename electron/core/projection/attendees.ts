import { EMPTY_ATTENDEE_FIELDS, type AttendeeFields } from '../../../shared/domain/attendee';
import type { EntryOfType } from '../../../shared/domain/entry';
import type { Db } from '../db/types';
import { notifyAttendeeRefreshed } from './attendee-listeners';
import { checkinStateOf, listCheckinsColumn, NO_CHECKINS } from './checkin-columns';
import { winsOver, type FieldStamp } from './lww';
import { cachedStatement } from '../db/statements';

/**
 * Field state. Normally `attendee_fields` holds one row per field with the stamp of the entry that
 * last wrote it (per-field last-writer-wins). A person created by one `attendee.upsert` that the
 * log had never seen before (an import, a pull of someone's registrations: new-attendee.ts) has no
 * such rows: their field state is that entry in the log, "log-backed". The first later upsert
 * folds their logged upserts into per-field rows, and a recompute of a person without rows reads
 * the log. Either way the log is the truth and `attendee_fields` only a faster copy of it.
 */
function loggedUpserts(db: Db, attendeeId: string): EntryOfType<'attendee.upsert'>[] {
  const rows = cachedStatement(db, "SELECT id, hlc, data FROM entries WHERE attendee_id = ? AND type = 'attendee.upsert'").all(
    attendeeId,
  ) as { id: string; hlc: string; data: string }[];
  return rows.map((row) => ({
    id: row.id,
    hlc: row.hlc,
    station: '',
    type: 'attendee.upsert',
    attendeeId,
    data: JSON.parse(row.data) as EntryOfType<'attendee.upsert'>['data'],
  }));
}

/** The winning write of each field among `upserts`, over the stamps already stored. */
function fieldWinners(
  upserts: readonly EntryOfType<'attendee.upsert'>[],
  stamps: Map<string, FieldStamp>,
): Map<string, { value: unknown; entry: EntryOfType<'attendee.upsert'> }> {
  const winners = new Map<string, { value: unknown; entry: EntryOfType<'attendee.upsert'> }>();
  for (const entry of upserts) {
    for (const [field, value] of Object.entries(entry.data.fields)) {
      if (value === undefined || !winsOver(entry, stamps.get(field))) continue;
      stamps.set(field, { hlc: entry.hlc, entry_id: entry.id });
      winners.set(field, { value, entry });
    }
  }
  return winners;
}

/**
 * Per-field last-writer-wins for a batch of upserts of one attendee (already in the log): the
 * stored stamps are read once, the winners of the batch decided in memory, and only the fields
 * that change are written. The row itself is not touched; the caller refreshes it once per batch.
 */
export function applyAttendeeFieldWrites(db: Db, attendeeId: string, upserts: readonly EntryOfType<'attendee.upsert'>[]): void {
  const stored = cachedStatement(db, 'SELECT field, hlc, entry_id FROM attendee_fields WHERE attendee_id = ?').all(attendeeId) as (FieldStamp & {
    field: string;
  })[];
  const logBacked = stored.length === 0 && cachedStatement(db, 'SELECT 1 AS row FROM attendees WHERE id = ?').get(attendeeId) !== undefined;
  // A log-backed person's upserts become rows now: folding the log covers the batch as well, since
  // its entries were added to the log before they are applied.
  const winners = fieldWinners(logBacked ? loggedUpserts(db, attendeeId) : upserts, new Map(stored.map((row) => [row.field, row])));
  const write = cachedStatement(db,
    `INSERT INTO attendee_fields (attendee_id, field, value, hlc, entry_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (attendee_id, field) DO UPDATE
       SET value = excluded.value, hlc = excluded.hlc, entry_id = excluded.entry_id`,
  );
  for (const [field, { value, entry }] of winners) write.run(attendeeId, field, JSON.stringify(value), entry.hlc, entry.id);
}

/** The current field values of one attendee, or undefined when the log has no upsert of them yet. */
function currentFields(db: Db, attendeeId: string): AttendeeFields | undefined {
  const fieldRows = cachedStatement(db, 'SELECT field, value FROM attendee_fields WHERE attendee_id = ?').all(attendeeId) as {
    field: string;
    value: string;
  }[];
  const fields: AttendeeFields = { ...EMPTY_ATTENDEE_FIELDS };
  if (fieldRows.length > 0) {
    for (const row of fieldRows) Object.assign(fields, { [row.field]: JSON.parse(row.value) as unknown });
    return fields;
  }
  const logged = loggedUpserts(db, attendeeId);
  if (logged.length === 0) return undefined;
  for (const [field, { value }] of fieldWinners(logged, new Map())) Object.assign(fields, { [field]: value });
  return fields;
}

/**
 * Recomputes one attendee's row from the log state: field values, removed state, official check-in and
 * conflicts, badge prints. Recomputing (rather than patching) keeps the row right whatever order
 * entries arrived in. A person known only through a check-in (their upsert not synced yet) has no
 * row until the upsert arrives; then this picks the check-in up.
 */
export function refreshAttendee(db: Db, attendeeId: string): void {
  const fields = currentFields(db, attendeeId);
  if (!fields) return;

  // Removal is last-writer-wins between removals and restores (same stamp order as compareStamp).
  const removal = cachedStatement(db,
    `SELECT type FROM entries WHERE attendee_id = ? AND type IN ('attendee.remove', 'attendee.restore')
     ORDER BY hlc DESC, id DESC LIMIT 1`,
  ).get(attendeeId) as { type: string } | undefined;
  const removed = removal?.type === 'attendee.remove';
  const { official, conflicts, perList, left } = checkinStateOf(db, [attendeeId]).get(attendeeId) ?? NO_CHECKINS;
  const prints = cachedStatement(db, 'SELECT coalesce(sum(copies), 0) AS n FROM badge_prints WHERE attendee_id = ?').get(attendeeId) as {
    n: number;
  };

  cachedStatement(db, 
    `INSERT INTO attendees (id, ticket_code, ticket_type, name, name_kana, company, title, industry, goals, looking_for, email, phone,
       walk_in, vcard_opt_in, partner_consent, note, nickname, registration_status, removed, checkin_id, checked_in_at, checked_in_station, checkin_source,
       conflict_count, badge_prints, left_room, list_checkins)
     VALUES (@id, @ticketCode, @ticketType, @name, @nameKana, @company, @title, @industry, @goals, @lookingFor, @email, @phone,
       @walkIn, @vcardOptIn, @partnerConsent, @note, @nickname, @registrationStatus, @removed, @checkinId, @checkedInAt, @checkedInStation, @checkinSource,
       @conflictCount, @badgePrints, @left, @listCheckins)
     ON CONFLICT (id) DO UPDATE SET ticket_code = excluded.ticket_code, ticket_type = excluded.ticket_type, name = excluded.name,
       name_kana = excluded.name_kana, company = excluded.company, title = excluded.title,
       industry = excluded.industry, goals = excluded.goals, looking_for = excluded.looking_for,
       email = excluded.email, phone = excluded.phone, walk_in = excluded.walk_in,
       vcard_opt_in = excluded.vcard_opt_in, partner_consent = excluded.partner_consent, note = excluded.note,
       nickname = excluded.nickname, registration_status = excluded.registration_status, removed = excluded.removed,
       checkin_id = excluded.checkin_id, checked_in_at = excluded.checked_in_at,
       checked_in_station = excluded.checked_in_station, checkin_source = excluded.checkin_source,
       conflict_count = excluded.conflict_count, badge_prints = excluded.badge_prints, left_room = excluded.left_room,
       list_checkins = excluded.list_checkins`,
  ).run({
    id: attendeeId,
    ...fields,
    goals: JSON.stringify(fields.goals),
    lookingFor: JSON.stringify(fields.lookingFor),
    walkIn: fields.walkIn ? 1 : 0,
    vcardOptIn: fields.vcardOptIn ? 1 : 0,
    partnerConsent: fields.partnerConsent ? 1 : 0,
    removed: removed ? 1 : 0,
    checkinId: official?.id ?? null,
    checkedInAt: official?.scanned_at ?? null,
    checkedInStation: official?.station ?? null,
    checkinSource: official?.source ?? null,
    conflictCount: conflicts.length,
    badgePrints: prints.n,
    left: left ? 1 : 0,
    listCheckins: listCheckinsColumn(perList),
  });
  notifyAttendeeRefreshed(db, attendeeId);
}
