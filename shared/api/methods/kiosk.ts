import { z } from 'zod';
import type { SuggestionReason } from '../../domain/partners/types';
import type { AutoPrint } from './badges';
import { method, noInput, returns } from '../method';

/**
 * The kiosk: an attendee alone at a tablet finds themself and checks in. Every answer is about one
 * person, and carries only what the kiosk screen shows: never an e-mail or a phone number, never
 * a list. Lookups are checked on the station and rate-limited per kiosk.
 */
export interface KioskPerson {
  name: string;
  nameKana: string;
  company: string;
  industry: string;
  goals: string[];
  lookingFor: string[];
  checkedIn: boolean;
  /** Their own answers so far, to pre-fill the kiosk's two questions (both default no). */
  partnerConsent: boolean;
  vcardOptIn: boolean;
  /** Checked in, then said "I have left" (a check-in now welcomes them back). */
  left: boolean;
}

export type KioskLookup =
  /** `lookupId` lets this kiosk, and only it, check this person in for a few minutes. */
  | { status: 'found'; lookupId: string; person: KioskPerson }
  | { status: 'not-found' }
  /** This kiosk had too many lookups or misses in a short time: the attendee should ask the staff. */
  | { status: 'ask-staff' };

/**
 * Someone for the person at the kiosk to look for: only what they agreed to show, and no id, so a
 * kiosk holds nothing it could ask the station about.
 */
export interface KioskPartner {
  name: string;
  company: string;
  industry: string;
  goals: string[];
  reasons: SuggestionReason[];
}

export interface KioskCheckInOutcome {
  /**
   * `back`: was checked in, had left, and is in the room again (no second check-in).
   * `not-admitted`: this station's check-in list does not take their ticket; the screen sends them to the staff.
   */
  status: 'checked-in' | 'already-checked-in' | 'back' | 'not-admitted';
  person: KioskPerson;
  /** Whether the badge started printing (decided in core from this station's setting). */
  print: AutoPrint;
  /** Up to three consenting people in the room, never this person, from the partner engine. */
  suggestions: KioskPartner[];
  /** A slip with these people will print after the badge (this station's setting; never undoes the check-in). */
  slip: boolean;
}

/** How this station's kiosks behave (the station's own choice, not synced); both off by default. */
export interface KioskSettings {
  /** People who did not register may check themselves in at the kiosk (counted as walk-ins). */
  walkIn: boolean;
  /** A small slip with the suggested people prints on the badge printer after the badge. */
  partnerSlip: boolean;
}

const KIOSK = { roles: ['organizer', 'kiosk'] } as const;
const idList = z.array(z.string().min(1).max(64)).max(32);

export const kioskMethods = {
  /** `code` is the raw scan or the typed text: a ticket code, or a URL or text that contains one. */
  kioskFindByCode: method(z.object({ code: z.string().min(1).max(500) }), returns<KioskLookup>(), KIOSK),
  /** The name (or its reading) as registered, and the e-mail address or its part before the @. */
  kioskFindByName: method(
    z.object({ name: z.string().trim().min(1).max(200), secret: z.string().trim().min(1).max(254) }),
    returns<KioskLookup>(),
    KIOSK,
  ),
  /**
   * Checks in the person of a fresh lookup; changed goals, looking-for and the answers to "show me
   * in others' suggestions" and "put my contact QR on my badge" are saved with it.
   */
  kioskCheckIn: method(
    z.object({
      lookupId: z.string().min(1).max(100),
      goals: idList.optional(),
      lookingFor: idList.optional(),
      partnerConsent: z.boolean().optional(),
      vcardOptIn: z.boolean().optional(),
      /** The language the kiosk is showing, for the partner slip. */
      language: z.enum(['ja', 'en']).optional(),
    }),
    returns<KioskCheckInOutcome>(),
    KIOSK,
  ),
  /**
   * "I have left", for the person of a fresh lookup (they scan their ticket again): keyed like the
   * check-in, so a kiosk can mark only the person standing at it. Takes them out of suggestions.
   */
  /** What the kiosk screen offers (two switches, no personal data). */
  getKioskSettings: method(noInput, returns<KioskSettings>(), { ...KIOSK, changesWith: ['settings'] }),
  updateKioskSettings: method(z.object({ walkIn: z.boolean(), partnerSlip: z.boolean() }).partial().strict(), returns<KioskSettings>(), {
    roles: ['organizer'],
  }),
  /**
   * "I haven't registered": a new attendee (a walk-in) checked in and printed at once. Refused
   * unless this station allows walk-ins at the kiosk; rate-limited with the lookups.
   */
  kioskWalkIn: method(
    z.object({
      name: z.string().trim().min(1).max(200),
      nameKana: z.string().trim().max(200).default(''),
      company: z.string().trim().max(200).default(''),
      industry: z.string().max(64).default(''),
      goals: idList.default([]),
      lookingFor: idList.default([]),
      email: z.union([z.literal(''), z.string().trim().email().max(254)]).default(''),
      partnerConsent: z.boolean().default(false),
      vcardOptIn: z.boolean().default(false),
      language: z.enum(['ja', 'en']).optional(),
    }),
    returns<KioskCheckInOutcome | { status: 'ask-staff' }>(),
    KIOSK,
  ),
  kioskLeave: method(z.object({ lookupId: z.string().min(1).max(100) }), returns<{ status: 'left' }>(), KIOSK),
};
