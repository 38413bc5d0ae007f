import { z } from 'zod';
import { partialAttendeeFieldsSchema } from './attendee';
import { isHlc } from './hlc';
import { settingsEntryFieldsSchema } from './settings';

/**
 * The event log (docs/architecture.md "The event log and the projection"): every change is one immutable entry; the tables the UI
 * reads are a projection of the log, and sync replicates entries and nothing else.
 */
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a lower-case UUID');
const hlc = z.string().refine(isHlc, 'a clock stamp "<ms>-<counter>-<node>"');
const station = z.string().min(1).max(64);
const isoTime = z.string().datetime({ offset: true });

const base = { id: uuid, station, hlc };

export const CHECKIN_SOURCES = ['qr', 'search', 'kiosk', 'walkin', 'cli'] as const;

export const attendeeUpsertEntrySchema = z.object({
  ...base,
  type: z.literal('attendee.upsert'),
  attendeeId: uuid,
  data: z.object({ fields: partialAttendeeFieldsSchema }),
});

export const attendeeRemoveEntrySchema = z.object({
  ...base,
  type: z.literal('attendee.remove'),
  attendeeId: uuid,
  data: z.object({}),
});

/**
 * Undoes a removal. Removal is a per-attendee last-writer-wins state: of an attendee's
 * `attendee.remove` and `attendee.restore` entries the one with the latest stamp decides, so a
 * removal pushed by mistake can be taken back on every station whatever order they arrive in.
 */
export const attendeeRestoreEntrySchema = z.object({
  ...base,
  type: z.literal('attendee.restore'),
  attendeeId: uuid,
  data: z.object({}),
});

/** A check-in list id (as in settings); left out of an entry for the default list, as before lists existed. */
export const CHECKIN_LIST_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const checkinEntrySchema = z.object({
  ...base,
  type: z.literal('checkin'),
  attendeeId: uuid,
  data: z.object({
    source: z.enum(CHECKIN_SOURCES),
    scannedAt: isoTime,
    list: z.string().regex(CHECKIN_LIST_ID, 'a check-in list id').optional(),
  }),
});

export const checkinUndoEntrySchema = z.object({
  ...base,
  type: z.literal('checkin.undo'),
  attendeeId: uuid,
  data: z.object({ of: uuid }),
});

export const badgePrintedEntrySchema = z.object({
  ...base,
  type: z.literal('badge.printed'),
  attendeeId: uuid,
  data: z.object({ printer: z.string().max(200), copies: z.number().int().min(1).max(100) }),
});

/** "I have left" / "I am back": the latest mark (or live check-in) by clock order says who is in the room. */
export const PRESENCE_STATES = ['left', 'back'] as const;
export const attendeePresenceEntrySchema = z.object({
  ...base,
  type: z.literal('attendee.presence'),
  attendeeId: uuid,
  data: z.object({ state: z.enum(PRESENCE_STATES) }),
});

/**
 * Partner suggestions shown to `attendeeId` (at most three people, by id). Recorded so that every
 * station counts how often each person was suggested from the same log (the fairness cap).
 */
export const MAX_SUGGESTIONS = 3;
export const partnersSuggestedEntrySchema = z.object({
  ...base,
  type: z.literal('partners.suggested'),
  attendeeId: uuid,
  data: z.object({ at: isoTime, suggested: z.array(uuid).min(1).max(MAX_SUGGESTIONS) }),
});

export const settingsUpsertEntrySchema = z.object({
  ...base,
  type: z.literal('settings.upsert'),
  attendeeId: z.null(),
  data: z.object({ fields: settingsEntryFieldsSchema }),
});

export const entrySchema = z.discriminatedUnion('type', [
  attendeeUpsertEntrySchema,
  attendeeRemoveEntrySchema,
  attendeeRestoreEntrySchema,
  checkinEntrySchema,
  checkinUndoEntrySchema,
  badgePrintedEntrySchema,
  attendeePresenceEntrySchema,
  partnersSuggestedEntrySchema,
  settingsUpsertEntrySchema,
]);

export type Entry = z.infer<typeof entrySchema>;
export type EntryType = Entry['type'];
export type EntryOfType<T extends EntryType> = Extract<Entry, { type: T }>;
export type CheckinEntry = EntryOfType<'checkin'>;

/** Total order of entries used for last-writer-wins: clock stamp first, entry id breaks ties. */
export function compareStamp(a: { hlc: string; id: string }, b: { hlc: string; id: string }): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}
