import { z } from 'zod';

/**
 * What the organizer chooses to put on the badges (Organizer → Badges and printing), synced with
 * the event's other settings. Fields not listed here are not a choice: the industry band, the name
 * and its reading, and the goals are on every badge, because they are what the room reads.
 */

/** Which QR a badge carries: none, the ticket code, or the attendee's contact card (vCard). */
export const BADGE_QR_CHOICES = ['none', 'ticket', 'vcard'] as const;
export type BadgeQrChoice = (typeof BADGE_QR_CHOICES)[number];

/** The choices that can differ per badge size (a 62 mm label has less room than an A6 card). */
export const badgeFieldChoicesSchema = z.object({
  company: z.boolean(),
  title: z.boolean(),
  lookingFor: z.boolean(),
  /**
   * The display name people know them by online (connpass 表示名), beside the reading. Some
   * organizers want it (a tech meetup), some do not (a nickname like 「はなちゃん」 on a business
   * badge). A design saved before the choice existed reads as on: that is what it printed.
   */
  nickname: z.boolean().default(true),
  /**
   * `vcard`: the contact card for attendees who opted in, and for the others the ticket code when
   * this station adds ticket QRs (Print settings). `ticket`: the ticket code for everyone.
   */
  qr: z.enum(BADGE_QR_CHOICES),
});
export type BadgeFieldChoices = z.infer<typeof badgeFieldChoicesSchema>;

export const badgeDesignSchema = z.object({
  /** The event's name in the badge's top band (beside the logo when there is one). */
  showEventName: z.boolean(),
  /** One set of choices per badge size; `a4-sheet` is the card-size badge of a pre-print sheet. */
  sizes: z.object({
    card: badgeFieldChoicesSchema,
    '4x3': badgeFieldChoicesSchema,
    a6: badgeFieldChoicesSchema,
    '62mm': badgeFieldChoicesSchema,
    'a4-sheet': badgeFieldChoicesSchema,
  }),
});
export type BadgeDesign = z.infer<typeof badgeDesignSchema>;

/** Everything on, the vCard QR for those who opted in: the badge as it was before it had choices. */
export const DEFAULT_FIELD_CHOICES: BadgeFieldChoices = { company: true, title: true, lookingFor: true, nickname: true, qr: 'vcard' };

export const DEFAULT_BADGE_DESIGN: BadgeDesign = {
  showEventName: false,
  sizes: {
    card: DEFAULT_FIELD_CHOICES,
    '4x3': DEFAULT_FIELD_CHOICES,
    a6: DEFAULT_FIELD_CHOICES,
    '62mm': DEFAULT_FIELD_CHOICES,
    'a4-sheet': DEFAULT_FIELD_CHOICES,
  },
};

/** Largest logo file an organizer may upload: plenty for a badge (600×300 px), small enough to sync. */
export const MAX_LOGO_BYTES = 200 * 1024;
/** Longest side of a logo in pixels, checked before the image is decoded (a "decompression bomb" stops here). */
export const MAX_LOGO_SIDE = 4000;
export const MIN_LOGO_SIDE = 8;

/**
 * What screens see about the event logo; the image itself (`badgeLogoImage`, base64) syncs in the
 * same settings entry but is only read by the badge renderer, so a screen's live settings stay small.
 */
export const badgeLogoSchema = z.object({
  mime: z.enum(['image/png', 'image/jpeg']),
  width: z.number().int().min(MIN_LOGO_SIDE).max(MAX_LOGO_SIDE),
  height: z.number().int().min(MIN_LOGO_SIDE).max(MAX_LOGO_SIDE),
  bytes: z.number().int().min(1).max(MAX_LOGO_BYTES),
  /** SHA-256 of the file, hex: tells stations and screens that the logo changed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BadgeLogo = z.infer<typeof badgeLogoSchema>;

/** The logo bytes as base64 (4 characters per 3 bytes); '' = no logo. */
export const badgeLogoImageSchema = z.string().max(Math.ceil(MAX_LOGO_BYTES / 3) * 4);
