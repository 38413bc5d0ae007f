import { z } from 'zod';
import { REGISTRATION_STATUSES, type Attendee } from '../../domain/attendee';
import { method, returns } from '../method';

/**
 * The organizer's attendee list: browse a page at a time, filter, remove and restore. Adding and
 * editing go through `addAttendee` / `updateAttendee` (./attendees.ts).
 */
const attendeeId = z.string().uuid();

/**
 * Where someone stands at the door: not yet arrived, arrived, or taken off the list (reversible).
 * `expected` (未来場) is a registered person, not a walk-in, not checked in: a cancelled,
 * waitlisted or unpaid registration is not expected (shared/domain/roster-state.ts). The
 * registration status itself is a separate filter key, since a cancelled person may still have
 * come in (staff override) or been removed.
 */
export const ROSTER_STATUSES = ['expected', 'checked-in', 'removed'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

export const rosterFilterSchema = z
  .object({
    /** Left out: everyone not removed. */
    status: z.enum(ROSTER_STATUSES).optional(),
    /** The registration tool's status (参加 / キャンセル / 補欠 / 支払い待ち), as imported or edited. */
    registration: z.enum(REGISTRATION_STATUSES).optional(),
    industry: z.string().max(64).optional(),
    goal: z.string().max(64).optional(),
    checkedIn: z.boolean().optional(),
  })
  .strict();
export type RosterFilter = z.infer<typeof rosterFilterSchema>;

/** The largest page one call returns; the list asks for the rows on screen and a little more. */
export const MAX_ROSTER_PAGE = 500;

export const listAttendeesInput = z
  .object({
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(MAX_ROSTER_PAGE).default(100),
    filter: rosterFilterSchema.default({}),
    /** Name, reading, company, e-mail or ticket code, matched as the desk's search does. */
    query: z.string().max(200).optional(),
  })
  .strict();

/** One row of the list: the attendee as the projection holds them, and whether they are removed. */
export interface RosterRow extends Attendee {
  removed: boolean;
}

export interface RosterPage {
  /** Rows `offset` … `offset + items.length - 1` of the filtered list, by reading. */
  items: RosterRow[];
  /** How many rows the filtered list holds in all. */
  total: number;
  offset: number;
}

export const rosterMethods = {
  listAttendees: method(listAttendeesInput, returns<RosterPage>(), { roles: ['organizer'] }),
  removeAttendee: method(z.object({ id: attendeeId }).strict(), returns<RosterRow>(), { roles: ['organizer'] }),
  restoreAttendee: method(z.object({ id: attendeeId }).strict(), returns<RosterRow>(), { roles: ['organizer'] }),
};
