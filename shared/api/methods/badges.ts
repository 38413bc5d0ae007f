import { z } from 'zod';
import type { Attendee } from '../../domain/attendee';
import type { ApiErrorShape } from '../../errors';
import { badgeDesignSchema, MAX_LOGO_BYTES } from '../../domain/badge-design';
import { BADGE_SIZES, type BadgeSize, type EventSettings } from '../../domain/settings';
import { method, noInput, returns } from '../method';
import { progressIdSchema } from './jobs';

/** Badges (pdfkit) and printing them on this station's printer. */
const attendeeId = z.string().uuid();

/** Something on a badge that could not be printed as given. */
export interface BadgeWarning {
  /** missing-glyph: the font lacks these characters (printed as 〓); truncated: cut with "…". */
  kind: 'missing-glyph' | 'truncated';
  field: 'industry' | 'reading' | 'name' | 'company' | 'goal' | 'looking-for' | 'chip' | 'event-name';
  characters?: string[];
}

export interface BadgePreview {
  /** The badge PDF exactly as it will print, base64-encoded. */
  pdfBase64: string;
  size: BadgeSize;
  warnings: BadgeWarning[];
}

/** This station's printing choices; kept in the station's own file, never synced. */
export interface PrintSettings {
  /** The OS printer (CUPS queue) badges go to; '' = none chosen yet. */
  printer: string;
  /** Print the badge by itself right after a check-in. */
  autoPrint: boolean;
  /** This station's badge size; '' = the event's size. */
  badgeSize: BadgeSize | '';
  /** Add the ticket code as a QR when the attendee has no vCard QR. */
  ticketQr: boolean;
  /** The size this station prints: its own, else the event's. */
  effectiveSize: BadgeSize;
}

export interface PrinterView {
  name: string;
  isDefault: boolean;
  state: string;
}

export interface PrintOutcome {
  attendee: Attendee;
  printer: string;
  copies: number;
  jobId: string;
  warnings: BadgeWarning[];
}

/**
 * What a check-in did about the badge, decided in core from this station's setting: `off` (no
 * automatic print), or `started` with an id whose result `autoPrintResult` gives once the
 * spooler answered. The check-in never waits for the printer.
 */
export type AutoPrint = { state: 'off' } | { state: 'started'; printId: string };

export type AutoPrintResult =
  | { state: 'printed'; outcome: PrintOutcome }
  | { state: 'failed'; error: ApiErrorShape }
  /** Not a print this station started, or its result was already collected. */
  | { state: 'unknown' };

export const printSettingsSchema = z
  .object({
    printer: z.string().max(200),
    autoPrint: z.boolean(),
    badgeSize: z.union([z.literal(''), z.enum(BADGE_SIZES)]),
    ticketQr: z.boolean(),
  })
  .partial()
  .strict();

/**
 * A logo upload: the file as base64. Files up to 20 times the limit still reach core, so the
 * organizer is told the file's size and the limit rather than that the request was too large.
 */
const LOGO_UPLOAD_CHARS = Math.ceil((20 * MAX_LOGO_BYTES) / 3) * 4;
export const logoUploadSchema = z.object({
  dataBase64: z
    .string()
    .max(LOGO_UPLOAD_CHARS, `the logo file is far larger than the limit of ${MAX_LOGO_BYTES / 1024} KB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the logo must be sent as base64'),
});

export const badgeMethods = {
  /**
   * The badge PDF exactly as it prints. Without `attendeeId`, a made-up person (`sample`: a
   * Japanese or a long Latin name) for the organizer's design preview; `design`, when given, is
   * an unsaved design to try before saving it.
   */
  badgePreview: method(
    z.object({
      attendeeId: attendeeId.optional(),
      size: z.enum(BADGE_SIZES).optional(),
      sample: z.enum(['ja', 'latin']).optional(),
      design: badgeDesignSchema.optional(),
    }),
    returns<BadgePreview>(),
    { roles: ['organizer', 'desk'] },
  ),
  /** Prints on this station's printer and records `badge.printed`; a failure changes nothing. */
  printBadge: method(
    z.object({
      attendeeId,
      copies: z.number().int().min(1).max(10).default(1),
      /** This job only (the CLI's --printer); otherwise the station's chosen printer. */
      printer: z.string().trim().min(1).max(200).optional(),
    }),
    returns<PrintOutcome>(),
    { roles: ['organizer', 'desk'] },
  ),
  /** Waits for the automatic print a check-in started and says how it went (the id is unguessable, the answer holds no personal data). */
  autoPrintResult: method(z.object({ printId: z.string().uuid() }), returns<AutoPrintResult>(), { roles: ['organizer', 'desk', 'kiosk'] }),
  /** Every attendee's badge in one PDF, sorted by reading (あいうえお), for pre-printing. */
  allBadgesPdf: method(
    z.object({
      size: z.enum(BADGE_SIZES).default('a4-sheet'),
      /** Only these people (a reprint of a selection); everyone when left out. */
      attendeeIds: z.array(attendeeId).min(1).max(10_000).optional(),
      progressId: progressIdSchema.optional(),
    }),
    returns<{ pdfBase64: string; count: number }>(),
    { roles: ['organizer'] },
  ),
  listPrinters: method(noInput, returns<PrinterView[]>(), { roles: ['organizer', 'desk'] }),
  getPrintSettings: method(noInput, returns<PrintSettings>(), { roles: ['organizer', 'desk'] }),
  updatePrintSettings: method(printSettingsSchema, returns<PrintSettings>(), { roles: ['organizer'] }),
  /** A sample badge on the chosen printer, to check size and alignment; nothing is recorded. */
  printTestBadge: method(noInput, returns<{ printer: string; jobId: string }>(), { roles: ['organizer'] }),
  /** Checks the image (PNG or JPEG, size, that it decodes) and stores it in the event, so every station prints it. */
  setBadgeLogo: method(logoUploadSchema, returns<EventSettings>(), { roles: ['organizer'], maxBodyBytes: LOGO_UPLOAD_CHARS + 1024 }),
  clearBadgeLogo: method(noInput, returns<EventSettings>(), { roles: ['organizer'] }),
  legendPdf: method(z.object({ paper: z.enum(['a4', 'a3']).default('a4') }), returns<{ pdfBase64: string }>(), { roles: ['organizer'] }),
};
