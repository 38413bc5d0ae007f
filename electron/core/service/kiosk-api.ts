import type { KioskLookup, KioskPerson, kioskMethods } from '../../../shared/api/methods/kiosk';
import type { Attendee } from '../../../shared/domain/attendee';
import { newId } from '../../../shared/domain/ids';
import { MusubiError } from '../../../shared/errors';
import { normalizeForSearch } from '../../../shared/text/normalize';
import { normalizeTicketCode } from '../../../shared/text/ticket-code';
import { findByTicketCode, getAttendee } from '../attendees/queries';
import { searchAttendees } from '../attendees/search';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** A lookup is good for one visit at the kiosk: long enough to read the card and pick goals. */
const LOOKUP_TTL_MS = 10 * 60_000;

function personOf(attendee: Attendee): KioskPerson {
  const { name, nameKana, company, industry, goals, lookingFor } = attendee;
  return { name, nameKana, company, industry, goals, lookingFor, checkedIn: attendee.checkedIn !== null };
}

/** "a.b@example.jp" matches itself or "a.b", case-insensitive; an empty registered e-mail matches nothing. */
function secretMatches(email: string, secret: string): boolean {
  const registered = email.trim().toLowerCase();
  const given = secret.trim().toLowerCase();
  if (!registered || !given) return false;
  return registered === given || registered.split('@')[0] === given;
}

/**
 * The kiosk's three methods. This is the plain version the kiosk screen is built against: every
 * lookup gets a short-lived id, and check-in goes through the desk's own check-in rule.
 */
export function createKioskApi(
  ctx: ServiceContext,
  checkin: TopicImpl<'checkIn' | 'updateAttendee'>,
): TopicImpl<keyof typeof kioskMethods> {
  const { db, wallClock } = ctx;
  const lookups = new Map<string, { attendeeId: string; until: number }>();

  function found(attendee: Attendee | undefined): KioskLookup {
    if (!attendee) return { status: 'not-found' };
    const now = wallClock();
    for (const [id, lookup] of lookups) if (lookup.until < now) lookups.delete(id);
    const lookupId = newId();
    lookups.set(lookupId, { attendeeId: attendee.id, until: now + LOOKUP_TTL_MS });
    return { status: 'found', lookupId, person: personOf(attendee) };
  }

  return {
    kioskFindByCode: ({ code }) => {
      const exact = findByTicketCode(db, normalizeTicketCode(code));
      if (exact) return found(exact);
      // A QR payload (a URL, or text around the code): try each word that could be a code.
      const words = normalizeTicketCode(code).match(/[A-Za-z0-9][A-Za-z0-9_-]{2,}/g) ?? [];
      return found(words.map((word) => findByTicketCode(db, word)).find((a) => a !== undefined));
    },

    kioskFindByName: ({ name, secret }) => {
      const wanted = normalizeForSearch(name);
      const candidates = searchAttendees(db, name, 50).items.filter(
        (a) => (normalizeForSearch(a.name) === wanted || normalizeForSearch(a.nameKana) === wanted) && secretMatches(a.email, secret),
      );
      // Two people with the same name and e-mail part cannot be told apart here: the desk helps.
      return candidates.length === 1 ? found(candidates[0]) : { status: 'not-found' };
    },

    kioskCheckIn: async ({ lookupId, goals, lookingFor }) => {
      const lookup = lookups.get(lookupId);
      if (!lookup || lookup.until < wallClock()) {
        throw new MusubiError('not-found', 'This kiosk visit has expired; please start again.', 'lookupId');
      }
      const current = getAttendee(db, lookup.attendeeId);
      if (goals !== undefined || lookingFor !== undefined) {
        await checkin.updateAttendee({ id: current.id, fields: { goals: goals ?? current.goals, lookingFor: lookingFor ?? current.lookingFor } });
      }
      const outcome = await checkin.checkIn({ attendeeId: current.id, source: 'kiosk' });
      lookups.delete(lookupId);
      return { status: outcome.status, person: personOf(outcome.attendee), print: outcome.print };
    },
  };
}
