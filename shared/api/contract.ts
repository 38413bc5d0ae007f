import { z } from 'zod';
import { partialAttendeeFieldsSchema, type Attendee } from '../domain/attendee';
import { partialEventSettingsSchema, type EventSettings } from '../domain/settings';

/**
 * The one Musubi API (DESIGN.md "Architecture"): every call the UI may make, its zod input schema
 * and its output type. The Electron IPC handlers, the preload bridge, the HTTP station routes and
 * the renderer client are all derived from this object, so no channel name is written by hand.
 */
interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output: O;
}

/** `returns<T>()` names a method's output type; it is a type-level marker with no runtime value. */
function returns<O>(): O {
  return undefined as O;
}

function method<I extends z.ZodType, O>(input: I, output: O): MethodSpec<I, O> {
  return { input, output };
}

const attendeeId = z.string().uuid();
const noInput = z.object({}).strict().optional();

export interface SearchResult {
  items: Attendee[];
  /** How many attendees match in all; `items` is the first page. */
  total: number;
}

export type CheckInOutcome =
  | { status: 'checked-in'; attendee: Attendee }
  /** Already checked in: nothing new is written; `attendee.checkedIn` says when and where. */
  | { status: 'already-checked-in'; attendee: Attendee };

export interface StatusSummary {
  eventName: string;
  station: string;
  /** Registered attendees (walk-ins excluded). */
  expected: number;
  checkedIn: number;
  walkIns: number;
  /** Attendees with more than one live check-in. */
  conflicts: number;
}

export const contract = {
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

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

/** What a caller passes (defaults may be left out). */
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
/** What the implementation receives after validation (defaults filled in). */
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = Contract[M]['output'];

/** Events main (or the station) pushes to the page. */
export interface PushEvents {
  /** The projection changed: re-read what is on screen. `reason` is informational. */
  changed: { reason: 'local' | 'sync' };
}
export type PushEventName = keyof PushEvents;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}

/** The IPC channel of a method; only this function makes channel names. */
export function channelFor(name: MethodName): string {
  return `musubi:${name}`;
}
export function pushChannelFor(name: PushEventName): string {
  return `musubi-push:${name}`;
}
