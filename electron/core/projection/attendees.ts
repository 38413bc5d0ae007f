import { EMPTY_ATTENDEE_FIELDS, type AttendeeFields } from '../../../shared/domain/attendee';
import { resolveCheckins } from '../../../shared/domain/checkin-rules';
import type { EntryOfType } from '../../../shared/domain/entry';
import type { Db } from '../db/types';
import { notifyAttendeeRefreshed } from './attendee-listeners';
import { winsOver, type FieldStamp } from './lww';
import { cachedStatement } from '../db/statements';
import { PACKED, unpackFields } from './packed-fields';

export function applyAttendeeUpsert(db: Db, entry: EntryOfType<'attendee.upsert'>): void {
  unpackFields(db, entry.attendeeId);
  const read = cachedStatement(db, 'SELECT hlc, entry_id FROM attendee_fields WHERE attendee_id = ? AND field = ?');
  const write = cachedStatement(db, 
    `INSERT INTO attendee_fields (attendee_id, field, value, hlc, entry_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (attendee_id, field) DO UPDATE
       SET value = excluded.value, hlc = excluded.hlc, entry_id = excluded.entry_id`,
  );
  for (const [field, value] of Object.entries(entry.data.fields)) {
    if (value === undefined) continue;
    if (winsOver(entry, read.get(entry.attendeeId, field) as FieldStamp | undefined)) {
      write.run(entry.attendeeId, field, JSON.stringify(value), entry.hlc, entry.id);
    }
  }
  refreshAttendee(db, entry.attendeeId);
}

interface CheckinRow {
  id: string;
  hlc: string;
  station: string;
  source: string;
  scanned_at: string;
}

/**
 * Recomputes one attendee's row from the log state: field values, tombstone, official check-in and
 * conflicts, badge prints. Recomputing (rather than patching) keeps the row right whatever order
 * entries arrived in. A person known only through a check-in (their upsert not synced yet) has no
 * row until the upsert arrives; then this picks the check-in up.
 */
export function refreshAttendee(db: Db, attendeeId: string): void {
  const fieldRows = cachedStatement(db, 'SELECT field, value FROM attendee_fields WHERE attendee_id = ?').all(attendeeId) as {
    field: string;
    value: string;
  }[];
  if (fieldRows.length === 0) return;

  const fields: AttendeeFields = { ...EMPTY_ATTENDEE_FIELDS };
  // The packed row of a bulk-imported person is the base; per-field rows are newer (packed-fields.ts).
  const packed = fieldRows.find((row) => row.field === PACKED);
  if (packed) Object.assign(fields, JSON.parse(packed.value) as Partial<AttendeeFields>);
  for (const row of fieldRows) if (row.field !== PACKED) Object.assign(fields, { [row.field]: JSON.parse(row.value) as unknown });

  const removed = cachedStatement(db, "SELECT 1 FROM entries WHERE attendee_id = ? AND type = 'attendee.remove' LIMIT 1")
    .get(attendeeId);
  const checkins = cachedStatement(db, 'SELECT id, hlc, station, source, scanned_at FROM checkins WHERE attendee_id = ?')
    .all(attendeeId) as CheckinRow[];
  const undone = new Set(
    (cachedStatement(db, 'SELECT of_checkin FROM checkin_undos WHERE attendee_id = ?').all(attendeeId) as { of_checkin: string }[]).map(
      (r) => r.of_checkin,
    ),
  );
  const { official, conflicts } = resolveCheckins(checkins, undone);
  const prints = cachedStatement(db, 'SELECT coalesce(sum(copies), 0) AS n FROM badge_prints WHERE attendee_id = ?').get(attendeeId) as {
    n: number;
  };

  cachedStatement(db, 
    `INSERT INTO attendees (id, ticket_code, name, name_kana, company, title, industry, goals, looking_for, email, phone,
       walk_in, vcard_opt_in, note, removed, checkin_id, checked_in_at, checked_in_station, checkin_source,
       conflict_count, badge_prints)
     VALUES (@id, @ticketCode, @name, @nameKana, @company, @title, @industry, @goals, @lookingFor, @email, @phone,
       @walkIn, @vcardOptIn, @note, @removed, @checkinId, @checkedInAt, @checkedInStation, @checkinSource,
       @conflictCount, @badgePrints)
     ON CONFLICT (id) DO UPDATE SET ticket_code = excluded.ticket_code, name = excluded.name,
       name_kana = excluded.name_kana, company = excluded.company, title = excluded.title,
       industry = excluded.industry, goals = excluded.goals, looking_for = excluded.looking_for,
       email = excluded.email, phone = excluded.phone, walk_in = excluded.walk_in,
       vcard_opt_in = excluded.vcard_opt_in, note = excluded.note, removed = excluded.removed,
       checkin_id = excluded.checkin_id, checked_in_at = excluded.checked_in_at,
       checked_in_station = excluded.checked_in_station, checkin_source = excluded.checkin_source,
       conflict_count = excluded.conflict_count, badge_prints = excluded.badge_prints`,
  ).run({
    id: attendeeId,
    ...fields,
    goals: JSON.stringify(fields.goals),
    lookingFor: JSON.stringify(fields.lookingFor),
    walkIn: fields.walkIn ? 1 : 0,
    vcardOptIn: fields.vcardOptIn ? 1 : 0,
    removed: removed ? 1 : 0,
    checkinId: official?.id ?? null,
    checkedInAt: official?.scanned_at ?? null,
    checkedInStation: official?.station ?? null,
    checkinSource: official?.source ?? null,
    conflictCount: conflicts.length,
    badgePrints: prints.n,
  });
  notifyAttendeeRefreshed(db, attendeeId);
}
