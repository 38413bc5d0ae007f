import { REGISTRATION_STATUSES, type Attendee, type AttendeeFields, type CheckinSource, type CheckinView, type RegistrationStatus } from '../../../shared/domain/attendee';
import { resolveCheckins } from '../../../shared/domain/checkin-rules';
import { MusubiError } from '../../../shared/errors';
import type { Db } from '../db/types';

/** The columns of `attendees` as read by the UI queries. */
export interface AttendeeRow {
  id: string;
  ticket_code: string;
  name: string;
  name_kana: string;
  nickname: string;
  company: string;
  title: string;
  industry: string;
  goals: string;
  looking_for: string;
  email: string;
  phone: string;
  walk_in: number;
  vcard_opt_in: number;
  partner_consent: number;
  note: string;
  registration_status: string;
  checkin_id: string | null;
  checked_in_at: string | null;
  checked_in_station: string | null;
  checkin_source: string | null;
  conflict_count: number;
  badge_prints: number;
  left_room: number;
}

export const ATTENDEE_COLUMNS = `id, ticket_code, name, name_kana, nickname, company, title, industry, goals, looking_for, email, phone,
  walk_in, vcard_opt_in, partner_consent, note, registration_status, checkin_id, checked_in_at, checked_in_station, checkin_source, conflict_count,
  badge_prints, left_room`;

function conflictsOf(db: Db, attendeeId: string): CheckinView[] {
  const checkins = db
    .prepare('SELECT id, hlc, station, source, scanned_at FROM checkins WHERE attendee_id = ?')
    .all(attendeeId) as { id: string; hlc: string; station: string; source: CheckinSource; scanned_at: string }[];
  const undone = new Set(
    (db.prepare('SELECT of_checkin FROM checkin_undos WHERE attendee_id = ?').all(attendeeId) as { of_checkin: string }[]).map(
      (r) => r.of_checkin,
    ),
  );
  return resolveCheckins(checkins, undone).conflicts.map((c) => ({
    checkinId: c.id,
    at: c.scanned_at,
    station: c.station,
    source: c.source,
  }));
}

function registrationStatusOf(value: string): RegistrationStatus {
  return (REGISTRATION_STATUSES as readonly string[]).includes(value) ? (value as RegistrationStatus) : 'registered';
}

/** The text fields of an attendee row, as the API names them (JSON lists parsed). */
export function textFieldsFromRow(
  row: Pick<
    AttendeeRow,
    'ticket_code' | 'name' | 'name_kana' | 'nickname' | 'company' | 'title' | 'industry' | 'goals' | 'looking_for' | 'email' | 'phone' | 'note' | 'registration_status'
  >,
): Omit<AttendeeFields, 'walkIn' | 'vcardOptIn' | 'partnerConsent'> {
  return {
    ticketCode: row.ticket_code,
    name: row.name,
    nameKana: row.name_kana,
    nickname: row.nickname,
    company: row.company,
    title: row.title,
    industry: row.industry,
    goals: JSON.parse(row.goals) as string[],
    lookingFor: JSON.parse(row.looking_for) as string[],
    email: row.email,
    phone: row.phone,
    note: row.note,
    registrationStatus: registrationStatusOf(row.registration_status),
  };
}

export function attendeeFromRow(db: Db, row: AttendeeRow): Attendee {
  return {
    id: row.id,
    ...textFieldsFromRow(row),
    walkIn: row.walk_in === 1,
    vcardOptIn: row.vcard_opt_in === 1,
    partnerConsent: row.partner_consent === 1,
    checkedIn:
      row.checkin_id && row.checked_in_at && row.checked_in_station
        ? {
            checkinId: row.checkin_id,
            at: row.checked_in_at,
            station: row.checked_in_station,
            source: (row.checkin_source ?? 'search') as CheckinSource,
          }
        : null,
    conflicts: row.conflict_count > 0 ? conflictsOf(db, row.id) : [],
    badgePrints: row.badge_prints,
    left: row.left_room === 1,
  };
}

export function findAttendee(db: Db, id: string): Attendee | undefined {
  const row = db.prepare(`SELECT ${ATTENDEE_COLUMNS} FROM attendees WHERE id = ? AND removed = 0`).get(id) as
    | AttendeeRow
    | undefined;
  return row ? attendeeFromRow(db, row) : undefined;
}

export function getAttendee(db: Db, id: string): Attendee {
  const attendee = findAttendee(db, id);
  if (!attendee) throw new MusubiError('not-found', 'No such attendee (it may have been removed).', 'id');
  return attendee;
}

/** The attendee holding a ticket code (compared without case), if any. */
export function findByTicketCode(db: Db, ticketCode: string): Attendee | undefined {
  const row = db
    .prepare(`SELECT ${ATTENDEE_COLUMNS} FROM attendees WHERE removed = 0 AND ticket_code <> '' AND ticket_code = ? COLLATE NOCASE LIMIT 1`)
    .get(ticketCode) as AttendeeRow | undefined;
  return row ? attendeeFromRow(db, row) : undefined;
}
