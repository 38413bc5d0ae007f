import { z } from 'zod';
import type { AutoPrint } from './badges';
import { method, returns } from '../method';

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
}

export type KioskLookup =
  /** `lookupId` lets this kiosk, and only it, check this person in for a few minutes. */
  | { status: 'found'; lookupId: string; person: KioskPerson }
  | { status: 'not-found' }
  /** This kiosk had too many lookups or misses in a short time: the attendee should ask the staff. */
  | { status: 'ask-staff' };

export interface KioskCheckInOutcome {
  /** `not-admitted`: this station's check-in list does not take their ticket; the screen sends them to the staff. */
  status: 'checked-in' | 'already-checked-in' | 'not-admitted';
  person: KioskPerson;
  /** Whether the badge started printing (decided in core from this station's setting). */
  print: AutoPrint;
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
  /** Checks in the person of a fresh lookup; changed goals or looking-for are saved with it. */
  kioskCheckIn: method(
    z.object({ lookupId: z.string().min(1).max(100), goals: idList.optional(), lookingFor: idList.optional() }),
    returns<KioskCheckInOutcome>(),
    KIOSK,
  ),
};
