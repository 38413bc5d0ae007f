import { REGISTRATION_STATUSES, type Attendee, type AttendeeFields, type CheckinSource, type CheckinView, type RegistrationStatus } from '../../../shared/domain/attendee';
import { resolveListCheckins } from '../../../shared/domain/checkin-lists';
import { checkinViewOfRow } from '../projection/checkin-columns';
import { MusubiError } from '../../../shared/errors';
import type { Db } from '../db/types';
import { cachedStatement } from '../db/statements';

/** The columns of `attendees` as read by the UI queries. */
export interface AttendeeRow {
  id: string;
  ticket_code: string;
  ticket_type: string;
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
  list_checkins: string | null;
}

export const ATTENDEE_COLUMNS = `id, ticket_code, ticket_type, name, name_kana, nickname, company, title, industry, goals, looking_for, email, phone,
  walk_in, vcard_opt_in, partner_consent, note, registration_status, checkin_id, checked_in_at, checked_in_station, checkin_source, conflict_count,
  badge_prints, left_room, list_checkins`;

function conflictsOf(db: Db, attendeeId: string): CheckinView[] {
  const checkins = cachedStatement(db, 'SELECT id, hlc, station, source, scanned_at, list FROM checkins WHERE attendee_id = ?')
    .all(attendeeId) as { id: string; hlc: string; station: string; source: CheckinSource; scanned_at: string; list: string | null }[];
  const undone = new Set(
    (cachedStatement(db, 'SELECT of_checkin FROM checkin_undos WHERE attendee_id = ?').all(attendeeId) as { of_checkin: string }[]).map(
      (r) => r.of_checkin,
    ),
  );
  return resolveListCheckins(checkins, undone).conflicts.map(checkinViewOfRow);
}

function registrationStatusOf(value: string): RegistrationStatus {
  return (REGISTRATION_STATUSES as readonly string[]).includes(value) ? (value as RegistrationStatus) : 'registered';
}

/** The text fields of an attendee row, as the API names them (JSON lists parsed). */
export function textFieldsFromRow(
  row: Pick<
    AttendeeRow,
    'ticket_code' | 'ticket_type' | 'name' | 'name_kana' | 'nickname' | 'company' | 'title' | 'industry' | 'goals' | 'looking_for' | 'email' | 'phone' | 'note' | 'registration_status'
  >,
): Omit<AttendeeFields, 'walkIn' | 'vcardOptIn' | 'partnerConsent'> {
  return {
    ticketCode: row.ticket_code,
    ticketType: row.ticket_type,
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
  const lists = row.list_checkins === null ? undefined : (JSON.parse(row.list_checkins) as Record<string, CheckinView>);
  const checkedIn: CheckinView | null =
    row.checkin_id && row.checked_in_at && row.checked_in_station
      ? {
          checkinId: row.checkin_id,
          at: row.checked_in_at,
          station: row.checked_in_station,
          source: (row.checkin_source ?? 'search') as CheckinSource,
        }
      : null;
  // The first arrival's list is on the per-list record (the row's own columns predate lists).
  const firstList = lists && checkedIn ? Object.values(lists).find((c) => c.checkinId === checkedIn.checkinId)?.list : undefined;
  if (checkedIn && firstList !== undefined) checkedIn.list = firstList;
  const attendee: Attendee = {
    id: row.id,
    ...textFieldsFromRow(row),
    walkIn: row.walk_in === 1,
    vcardOptIn: row.vcard_opt_in === 1,
    partnerConsent: row.partner_consent === 1,
    checkedIn,
    conflicts: row.conflict_count > 0 ? conflictsOf(db, row.id) : [],
    badgePrints: row.badge_prints,
    left: row.left_room === 1,
  };
  if (lists) attendee.lists = lists;
  return attendee;
}

export function findAttendee(db: Db, id: string): Attendee | undefined {
  const row = cachedStatement(db, `SELECT ${ATTENDEE_COLUMNS} FROM attendees WHERE id = ? AND removed = 0`).get(id) as
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
  const row = cachedStatement(db, `SELECT ${ATTENDEE_COLUMNS} FROM attendees WHERE removed = 0 AND ticket_code <> '' AND ticket_code = ? COLLATE NOCASE LIMIT 1`)
    .get(ticketCode) as AttendeeRow | undefined;
  return row ? attendeeFromRow(db, row) : undefined;
}
