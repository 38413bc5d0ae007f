import { z } from 'zod';
import { method, returns } from '../method';
import type { AutoPrint } from './badges';

/**
 * The self check-in kiosk: an attendee alone at a tablet finds their own registration (by the
 * ticket code or QR, or by name with an e-mail check), sees one card, and checks in. Never a list,
 * never an e-mail address or phone number on screen.
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
  | { status: 'found'; lookupId: string; person: KioskPerson }
  | { status: 'not-found' }
  /** Too many tries from this kiosk: the attendee is sent to the desk. */
  | { status: 'ask-staff' };

export interface KioskCheckInOutcome {
  status: 'checked-in' | 'already-checked-in';
  person: KioskPerson;
  /** The badge print this check-in started, as for the desk (see badges `autoPrintResult`). */
  print: AutoPrint;
}

const idList = z.array(z.string().min(1).max(64)).max(32);

export const kioskMethods = {
  /** `code` is the raw scan or typed text: a ticket code, or a URL or text that contains one. */
  kioskFindByCode: method(z.object({ code: z.string().min(1).max(500) }), returns<KioskLookup>()),
  /** `secret` is the e-mail address the attendee registered with, or its part before the @. */
  kioskFindByName: method(z.object({ name: z.string().min(1).max(200), secret: z.string().min(1).max(254) }), returns<KioskLookup>()),
  /** Checks in the person a lookup found; changed goals or sectors are saved on the attendee first. */
  kioskCheckIn: method(
    z.object({ lookupId: z.string().min(1).max(100), goals: idList.optional(), lookingFor: idList.optional() }),
    returns<KioskCheckInOutcome>(),
  ),
};
