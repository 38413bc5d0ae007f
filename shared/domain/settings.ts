import { z } from 'zod';

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
  checkinLists: z.array(checkinListSchema).max(16),
});
export type EventSettings = z.infer<typeof eventSettingsSchema>;
export type EventSettingsField = keyof EventSettings;
export const EVENT_SETTINGS_FIELDS = Object.keys(eventSettingsSchema.shape) as EventSettingsField[];

export const partialEventSettingsSchema = eventSettingsSchema.partial();
export type PartialEventSettings = z.infer<typeof partialEventSettingsSchema>;
