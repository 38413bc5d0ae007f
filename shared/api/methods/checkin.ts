import { z } from 'zod';
import { partialAttendeeFieldsSchema, type Attendee, type CheckinView, type RegistrationStatus } from '../../domain/attendee';
import type { CheckinList } from '../../domain/settings';
import { method, noInput, returns } from '../method';
import type { AutoPrint } from './badges';

/** Check-in at the door: check in, undo, register a walk-in, and the door's counts. */
const attendeeId = z.string().uuid();

/** What a check-in did to the log. */
export type CheckInResult =
  | { status: 'checked-in'; attendee: Attendee }
  /** Already checked in on this station's list: nothing new is written; `checkin` says when and where. */
  | { status: 'already-checked-in'; attendee: Attendee; checkin: CheckinView }
  /**
   * The station's check-in list does not admit this person's ticket type (a seminar-only ticket at
   * the 懇親会 door): nothing is written; staff may check them in anyway with `override`.
   */
  | { status: 'not-admitted'; attendee: Attendee; list: CheckinList }
  /**
   * The registration is cancelled, on the waiting list or not paid: nothing is written. Staff may
   * check them in anyway by asking again with `override: true`.
   */
  | { status: 'not-registered'; attendee: Attendee; registrationStatus: Exclude<RegistrationStatus, 'registered'> };

/** What the door hears back: the check-in, and whether its badge started printing. */
export type CheckInOutcome = CheckInResult & { print: AutoPrint };

/** A scan at the desk: the check-in of the one person the code names, or nobody. */
export type ScanCheckInOutcome = CheckInOutcome | { status: 'not-found' };

export interface StatusSummary {
  eventName: string;
  station: string;
  /** Registered attendees (walk-ins excluded). */
  expected: number;
  /** Registered attendees who are checked in, so that `checkedIn / expected` never passes 100 %. */
  checkedIn: number;
  /** Walk-ins (all of them are checked in when they are registered). */
  walkIns: number;
  /** Attendees with more than one live check-in. */
  conflicts: number;
  /** Badges this station is still sending to its printer. */
  printQueue: number;
  /**
   * The check-in list this station checks people in to and how many are on it; null for an event
   * without lists (its header shows what it always did).
   */
  list: (CheckinList & { checkedIn: number; expected: number }) | null;
}

export const checkinMethods = {
  checkIn: method(
    z.object({
      attendeeId,
      source: z.enum(['qr', 'search', 'kiosk']).default('search'),
      /** Check in someone the station's list does not admit, or whose registration is not confirmed (staff decided at the door). */
      override: z.boolean().optional(),
    }),
    returns<CheckInOutcome>(),
    { roles: ['organizer', 'desk'] },
  ),
  /**
   * A scanned or typed code (a ticket code, or a URL or text that holds one: the kiosk's rule)
   * resolved exactly and checked in, in one call: one round trip per scan at the door.
   */
  checkInByCode: method(z.object({ code: z.string().trim().min(1).max(500) }), returns<ScanCheckInOutcome>(), { roles: ['organizer', 'desk'] }),
  undoCheckIn: method(z.object({ attendeeId, checkinId: z.string().uuid().optional() }), returns<Attendee>(), { roles: ['organizer', 'desk'] }),
  registerWalkIn: method(partialAttendeeFieldsSchema, returns<CheckInOutcome>(), { roles: ['organizer', 'desk'] }),
  getStatus: method(noInput, returns<StatusSummary>(), { roles: ['organizer', 'desk'], changesWith: ['people', 'attendance', 'prints', 'settings'] }),
  /** Chooses the check-in list of this station (station-local, not synced). */
  setStationList: method(z.object({ list: z.string().min(1).max(64) }), returns<CheckinList>(), { roles: ['organizer', 'desk'] }),
};
