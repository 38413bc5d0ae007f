import type { partnerMethods } from '../../../shared/api/methods/partners';
import { MusubiError } from '../../../shared/errors';
import { getAttendee } from '../attendees/queries';
import { readPartnerReport, readPartnerRoomView } from '../partners/room-view';
import { partnerRoomFor } from '../partners/station-room';
import { suggestPartnersFor } from '../partners/suggest';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** Who to meet now: suggestions, consent, presence, the room view and the report. */
export function createPartnersApi(ctx: ServiceContext): TopicImpl<keyof typeof partnerMethods> {
  const { db, record, wallClock } = ctx;
  const stationRoom = partnerRoomFor(db);

  return {
    suggestPartners: ({ attendeeId }) => ({ suggestions: suggestPartnersFor(ctx, attendeeId) }),

    setPartnerConsent: ({ attendeeId, consent }) => {
      const attendee = getAttendee(db, attendeeId);
      if (attendee.partnerConsent !== consent) record([{ type: 'attendee.upsert', attendeeId, data: { fields: { partnerConsent: consent } } }]);
      return { partnerConsent: consent };
    },

    setPresence: ({ attendeeId, state }) => {
      const attendee = getAttendee(db, attendeeId);
      if (!attendee.checkedIn) throw new MusubiError('conflict', 'This attendee is not checked in.', 'attendeeId');
      if (attendee.left !== (state === 'left')) record([{ type: 'attendee.presence', attendeeId, data: { state } }]);
      return { present: state === 'back' };
    },

    getPartnerRoom: () => readPartnerRoomView(db, stationRoom.current(), wallClock()),
    getPartnerReport: () => readPartnerReport(db),
  };
}
