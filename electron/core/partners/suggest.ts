import type { PublicPartner, SuggestedPartner } from '../../../shared/api/methods/partners';
import { profileOf } from '../../../shared/domain/partners/from-log';
import { getAttendee } from '../attendees/queries';
import type { ServiceContext } from '../service/context';
import { partnerRoomFor, publicPartners } from './station-room';

/**
 * Up to three consenting, present people for `attendeeId` to look for now, from the station's
 * partner room, with the engine's reasons. A new showing is recorded (`partners.suggested`) so the
 * fairness cap sees it; asking again for the same people is not counted twice. The one path of
 * both the desk's `suggestPartners` and the kiosk's check-in.
 */
export function suggestPartnersFor(ctx: ServiceContext, attendeeId: string): SuggestedPartner[] {
  const { db, record, wallClock } = ctx;
  const subject = getAttendee(db, attendeeId);
  const now = wallClock();
  const { suggestions, reused } = partnerRoomFor(db).current().suggest(profileOf(subject), now);
  if (!reused && suggestions.length > 0) {
    record([{ type: 'partners.suggested', attendeeId, data: { at: new Date(now).toISOString(), suggested: suggestions.map((s) => s.id) } }]);
  }
  const people = publicPartners(db, suggestions.map((s) => s.id));
  return suggestions.flatMap((s): SuggestedPartner[] => {
    const person: PublicPartner | undefined = people.get(s.id);
    return person ? [{ ...person, reasons: s.reasons }] : [];
  });
}
