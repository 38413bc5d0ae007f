import { z } from 'zod';

/** Longest text a single attendee field may hold; a registration cell longer than this is an error. */
export const MAX_FIELD_LENGTH = 1000;

const text = z.string().max(MAX_FIELD_LENGTH);
const idList = z.array(z.string().min(1).max(64)).max(32);

/**
 * Where a person stands with the registration: only `registered` people are expected at the door.
 * The others (cancelled, on the waiting list, payment not done) are kept, shown apart, and refused
 * at check-in unless staff override it.
 */
export const REGISTRATION_STATUSES = ['registered', 'cancelled', 'waitlisted', 'pending'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** The fields an organizer or staff member can set on an attendee; all synced per field (LWW). */
export const attendeeFieldsSchema = z.object({
  ticketCode: text,
  /** The kind of ticket (セミナーのみ, 懇親会付き …) as the registration export names it; decides which check-in lists admit the person. */
  ticketType: text,
  name: text,
  nameKana: text,
  /** A display name or nickname from the registration tool (connpass 表示名); never the name. */
  nickname: text,
  company: text,
  title: text,
  industry: z.string().max(64),
  goals: idList,
  lookingFor: idList,
  email: text,
  phone: text,
  walkIn: z.boolean(),
  vcardOptIn: z.boolean(),
  /** Agreed to appear in other people's partner suggestions (name, company, industry, goal only). */
  partnerConsent: z.boolean(),
  note: text,
  registrationStatus: z.enum(REGISTRATION_STATUSES),
});

export type AttendeeFields = z.infer<typeof attendeeFieldsSchema>;
export type AttendeeFieldName = keyof AttendeeFields;
export const ATTENDEE_FIELD_NAMES = Object.keys(attendeeFieldsSchema.shape) as AttendeeFieldName[];

export const partialAttendeeFieldsSchema = attendeeFieldsSchema.partial();
export type PartialAttendeeFields = z.infer<typeof partialAttendeeFieldsSchema>;

/**
 * The fields of `edited` that differ from `before` (lists compared item by item). An edit sends
 * only these, so a form opened before someone else's change — another desk's edit, or the card's
 * own contact-QR box whose answer had not come back yet — never writes the older value back.
 */
export function changedFields(before: PartialAttendeeFields, edited: PartialAttendeeFields): PartialAttendeeFields {
  const changed: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(edited)) {
    const old: unknown = before[name as AttendeeFieldName];
    const same = Array.isArray(value) && Array.isArray(old) ? value.length === old.length && value.every((item, i) => item === old[i]) : value === old;
    if (!same) changed[name] = value;
  }
  return changed as PartialAttendeeFields;
}

export const EMPTY_ATTENDEE_FIELDS: AttendeeFields = {
  ticketCode: '',
  ticketType: '',
  name: '',
  nameKana: '',
  nickname: '',
  company: '',
  title: '',
  industry: '',
  goals: [],
  lookingFor: [],
  email: '',
  phone: '',
  walkIn: false,
  vcardOptIn: false,
  partnerConsent: false,
  note: '',
  registrationStatus: 'registered',
};

export type CheckinSource = 'qr' | 'search' | 'kiosk' | 'walkin' | 'cli';

/** One check-in as staff see it: when (the scan time) and where. */
export interface CheckinView {
  checkinId: string;
  at: string;
  station: string;
  source: CheckinSource;
  /** The check-in list, when it is not the default one (so a simple event's check-ins look as they always did). */
  list?: string;
}

/** What the UI reads about an attendee: the projection of the log. */
export interface Attendee extends AttendeeFields {
  id: string;
  /** The first arrival: the earliest not-undone check-in by clock order on any list; null when not checked in. */
  checkedIn: CheckinView | null;
  /** Further not-undone check-ins of the same person on the same list (another door, offline): kept and flagged. */
  conflicts: CheckinView[];
  badgePrints: number;
  /**
   * The official check-in of each list, by list id; present only once someone is checked in on a
   * list other than the default one (otherwise `checkedIn` is the default list's). Read it
   * through `checkinOnList` (checkin-lists.ts).
   */
  lists?: Record<string, CheckinView>;
  /**
   * Marked as having left after their latest arrival (a live check-in or a "back" mark): the
   * latest of those marks by clock order decides, so the answer does not depend on arrival order.
   * Present in the room = checked in and not left.
   */
  left: boolean;
}
