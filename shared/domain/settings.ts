import { z } from 'zod';
import { badgeDesignSchema, badgeLogoImageSchema, badgeLogoSchema } from './badge-design';

const label = z.string().trim().min(1).max(80);
const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #0072B2');
const catalogueId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and hyphens');

export const industrySchema = z.object({
  id: catalogueId,
  ja: label,
  en: label,
  color: colour,
});
export type Industry = z.infer<typeof industrySchema>;

export const GOAL_MARKS = ['circle', 'triangle', 'square', 'diamond', 'star', 'hexagon', 'cross', 'heart'] as const;

export const goalSchema = z.object({
  id: catalogueId,
  ja: label,
  en: label,
  mark: z.enum(GOAL_MARKS),
});
export type Goal = z.infer<typeof goalSchema>;

export const BADGE_SIZES = ['card', '4x3', 'a6', '62mm', 'a4-sheet'] as const;
export type BadgeSize = (typeof BADGE_SIZES)[number];

/** The two lists a registration answer can be mapped to: industry and looking-for use `industries`. */
export const ANSWER_CATALOGUES = ['industries', 'goals'] as const;
export type AnswerCatalogue = (typeof ANSWER_CATALOGUES)[number];

/** Distinct answers one event may remember per list; a free-text column must not grow the settings without end. */
export const MAX_SAVED_ANSWERS = 2000;
const answerChoices = z
  .record(z.string().min(1).max(200), z.union([catalogueId, z.literal('')]))
  .refine((map) => Object.keys(map).length <= MAX_SAVED_ANSWERS, `at most ${MAX_SAVED_ANSWERS} answers`);

/**
 * How this event's registration answers map to its lists, as the organizer confirmed them at an
 * import: folded answer (electron/core/import/catalogue.ts, foldAnswer) → category id, or '' for
 * "no category, keep it in the note". Reused by every later import of the event.
 */
export const answerMapSchema = z.object({ industries: answerChoices, goals: answerChoices });
export type AnswerMap = z.infer<typeof answerMapSchema>;
/**
 * A check-in list: one part of the event with its own door (セミナー, 懇親会), admitting the ticket
 * types named in `ticketTypes` (compared as `sameTicketType` folds them); an empty list admits
 * everyone. An event without lists has one implicit list, `DEFAULT_LIST_ID` (checkin-lists.ts).
 */
export const checkinListSchema = z.object({
  id: catalogueId,
  ja: label,
  en: label,
  ticketTypes: z.array(z.string().trim().min(1).max(200)).max(32),
});
export type CheckinList = z.infer<typeof checkinListSchema>;

/** Event-wide settings; each field is synced last-writer-wins, like attendee fields. */
export const eventSettingsSchema = z.object({
  eventName: z.string().max(200),
  eventDate: z.union([z.literal(''), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-11-24')]),
  industries: z.array(industrySchema).max(64),
  goals: z.array(goalSchema).max(32),
  badgeSize: z.enum(BADGE_SIZES),
  answerMap: answerMapSchema,
  /** What the badges show (event name, which fields, which QR), per size. */
  badgeDesign: badgeDesignSchema,
  /** The event logo's description; its bytes are `badgeLogoImage` (below), set with `setBadgeLogo`. */
  badgeLogo: badgeLogoSchema.nullable(),
  checkinLists: z.array(checkinListSchema).max(16),
});
export type EventSettings = z.infer<typeof eventSettingsSchema>;
export type EventSettingsField = keyof EventSettings;
export const EVENT_SETTINGS_FIELDS = Object.keys(eventSettingsSchema.shape) as EventSettingsField[];

export const partialEventSettingsSchema = eventSettingsSchema.partial();
export type PartialEventSettings = z.infer<typeof partialEventSettingsSchema>;

/**
 * Settings that sync with the others but that screens never receive: the logo's bytes (up to
 * 270 KB of base64 that every live settings read would otherwise carry). `readSettings` in core
 * returns them beside `EventSettings`; `getEvent` leaves them out.
 */
export const eventAssetsSchema = z.object({ badgeLogoImage: badgeLogoImageSchema });
export type EventAssets = z.infer<typeof eventAssetsSchema>;
export type StoredEventSettings = EventSettings & EventAssets;

/** The fields one `settings.upsert` entry may carry: any event setting, and the assets. */
export const settingsEntryFieldsSchema = partialEventSettingsSchema.extend(eventAssetsSchema.partial().shape);
