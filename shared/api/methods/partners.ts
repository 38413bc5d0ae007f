import { z } from 'zod';
import { PRESENCE_STATES } from '../../domain/entry';
import type { SuggestionReason } from '../../domain/partners/types';
import { method, noInput, returns } from '../method';

/**
 * Who to meet now (issue 18): suggestions from the people actually in the room, with their consent.
 * Nothing here carries an e-mail, phone, title or note: a suggested person is shown only with what
 * they agreed to show.
 */
const attendeeId = z.string().uuid();

/** Someone who agreed to be suggested, as others see them. */
export interface PublicPartner {
  id: string;
  name: string;
  company: string;
  industry: string;
  goals: string[];
}

export interface SuggestedPartner extends PublicPartner {
  reasons: SuggestionReason[];
}

export interface PartnerSuggestions {
  suggestions: SuggestedPartner[];
}

/** Demand and supply of one sector among the people present (counts only). */
export interface SectorDemand {
  industry: string;
  /** People present who are looking for this sector. */
  seeking: number;
  /** People present from this sector. */
  present: number;
}

/**
 * One person of an introduction on the venue screen: the name and industry it shows, and an id to
 * tell rows apart. A projector in the hall needs no company or goal list (the reasons name the goal).
 */
export type IntroducedPerson = Pick<PublicPartner, 'id' | 'name' | 'industry'>;

export interface Introduction {
  a: IntroducedPerson;
  b: IntroducedPerson;
  reasons: SuggestionReason[];
}

/** The venue screen: unmet demand by sector, and pairs of consenting people worth introducing now. */
export interface PartnerRoomView {
  /** Most unmet first (seeking − present), sectors nobody seeks left out. */
  demand: SectorDemand[];
  /** Consenting, present people only. */
  introductions: Introduction[];
}

/** After the event: what the suggestions did. */
export interface PartnerReport {
  /** People shown at least one suggestion. */
  shownTo: number;
  /** Of those, people shown at least one person from another industry. */
  crossIndustry: number;
  /** Of those, people shown at least one complementary person from another industry. */
  complementaryCrossIndustry: number;
  consenting: number;
  /** Demand vs supply per sector over everyone who checked in, most unmet first. */
  demand: SectorDemand[];
}

export const partnerMethods = {
  /**
   * Up to three people to look for, right after check-in; records the showing (fairness cap).
   * Not changed by introductions shown (partners): a person's suggestions are kept while their
   * people are still there (people, attendance), so another showing, or this one's own record,
   * leaves the answer as it was.
   */
  suggestPartners: method(z.object({ attendeeId }), returns<PartnerSuggestions>(), {
    roles: ['organizer', 'desk'],
    changesWith: ['people', 'attendance', 'settings'],
  }),
  /** The consent toggle at the desk; withdrawing takes effect at once. (The kiosk asks through its own lookup, never by raw id.) */
  setPartnerConsent: method(z.object({ attendeeId, consent: z.boolean() }), returns<{ partnerConsent: boolean }>(), { roles: ['organizer', 'desk'] }),
  /** "I have left" / "I am back". */
  setPresence: method(z.object({ attendeeId, state: z.enum(PRESENCE_STATES) }), returns<{ present: boolean }>(), { roles: ['organizer', 'desk'] }),
  getPartnerRoom: method(noInput, returns<PartnerRoomView>(), { roles: ['organizer', 'room'] }),
  getPartnerReport: method(noInput, returns<PartnerReport>(), { roles: ['organizer'] }),
};
