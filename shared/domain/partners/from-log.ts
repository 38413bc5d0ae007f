import { stripCompanyForms } from '../../text/company';
import type { Attendee } from '../attendee';
import type { Entry } from '../entry';
import type { Projection } from '../fold';
import { PartnerRoom } from './room';
import type { PartnerProfile } from './types';
import type { SuggestionPolicy } from './policy';

type ProfileSource = Pick<Attendee, 'id' | 'industry' | 'goals' | 'lookingFor' | 'company'> & { checkedIn: { at: string } | null };

/** The engine's view of a person; arrival is their official check-in (0 when not checked in). */
export function profileOf(person: ProfileSource): PartnerProfile {
  return {
    id: person.id,
    industry: person.industry,
    goals: person.goals,
    lookingFor: person.lookingFor,
    companyKey: stripCompanyForms(person.company).replace(/\s+/g, ''),
    arrivedAt: person.checkedIn ? Date.parse(person.checkedIn.at) : 0,
  };
}

/** Who may appear in suggestions: checked in, not left since, and agreed to it. */
export function isCandidate(person: Pick<Attendee, 'left' | 'partnerConsent'> & { checkedIn: unknown }): boolean {
  return person.checkedIn !== null && !person.left && person.partnerConsent;
}

/** The room a log describes (the reference the stations' incremental rooms are tested against). */
export function roomFromProjection(projection: Projection, entries: Iterable<Entry>, policy?: SuggestionPolicy): PartnerRoom {
  const room = new PartnerRoom(policy);
  for (const person of projection.attendees.values()) if (isCandidate(person)) room.put(profileOf(person));
  for (const entry of entries) {
    if (entry.type !== 'partners.suggested') continue;
    room.recordShowing({ entryId: entry.id, subjectId: entry.attendeeId, at: Date.parse(entry.data.at), suggested: entry.data.suggested });
  }
  return room;
}
