import { z } from 'zod';
import { partialAttendeeFieldsSchema, type Attendee } from '../../domain/attendee';
import { partialEventSettingsSchema, type EventSettings } from '../../domain/settings';
import { method, returns } from '../method';
import type { AutoPrint } from './badges';

/** Event settings, attendees, search and check-in: the slice every station needs. */
const attendeeId = z.string().uuid();
export const noInput = z.object({}).strict().optional();

export interface SearchResult {
  items: Attendee[];
  /** How many attendees match in all; `items` is the first page. */
  total: number;
}

export type CheckInOutcome = (
  | { status: 'checked-in'; attendee: Attendee }
  /** Already checked in: nothing new is written; `attendee.checkedIn` says when and where. */
  | { status: 'already-checked-in'; attendee: Attendee }
) & { print: AutoPrint };

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
}

export const checkinMethods = {
  getEvent: method(noInput, returns<EventSettings>()),
  updateEvent: method(partialEventSettingsSchema, returns<EventSettings>()),
  addAttendee: method(partialAttendeeFieldsSchema, returns<Attendee>()),
  updateAttendee: method(z.object({ id: attendeeId, fields: partialAttendeeFieldsSchema }), returns<Attendee>()),
  getAttendee: method(z.object({ id: attendeeId }), returns<Attendee>()),
  searchAttendees: method(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(500).default(50) }),
    returns<SearchResult>(),
  ),
  checkIn: method(
    z.object({ attendeeId, source: z.enum(['qr', 'search', 'kiosk']).default('search') }),
    returns<CheckInOutcome>(),
  ),
  undoCheckIn: method(z.object({ attendeeId, checkinId: z.string().uuid().optional() }), returns<Attendee>()),
  registerWalkIn: method(partialAttendeeFieldsSchema, returns<CheckInOutcome>()),
  findByTicketCode: method(z.object({ ticketCode: z.string().trim().min(1).max(200) }), returns<Attendee | null>()),
  getStatus: method(noInput, returns<StatusSummary>()),
};
