import type { CheckInOutcome, StatusSummary } from '../../../shared/api/contract';
import type { CheckinSource } from '../../../shared/domain/attendee';
import type { checkinMethods } from '../../../shared/api/methods/checkin';
import { MusubiError } from '../../../shared/errors';
import { checkinDraft, checkInOnce } from '../attendees/check-in';
import { attendanceCounts } from '../attendees/counts';
import { getAttendee } from '../attendees/queries';
import { readSettings } from '../settings/queries';
import { checkinOnList } from '../../../shared/domain/checkin-lists';
import type { CheckinList } from '../../../shared/domain/settings';
import { listCounts } from '../checkin-lists/list-counts';
import { chooseStationList, stationList } from '../checkin-lists/station-list';
import type { BadgePrinter } from '../badges/badge-printer';
import { newAttendeeDrafts } from './attendee-drafts';
import type { ServiceContext } from './context';
import { holderOfPayload } from './ticket-lookup';
import type { TopicImpl } from './types';

/** Check-in, undo, walk-ins and the door's counts. */
export function createCheckinApi(ctx: ServiceContext, badges: BadgePrinter): TopicImpl<keyof typeof checkinMethods> {
  const { db, record, wallClock, identity } = ctx;

  function checkInAndPrint(attendeeId: string, source: CheckinSource, override?: boolean): CheckInOutcome {
    const outcome = checkInOnce(ctx, attendeeId, source, { override });
    // The badge prints after the check-in is saved, whoever checked in; a second arrival reprints only on request.
    return { ...outcome, print: outcome.status === 'checked-in' ? badges.autoPrint(attendeeId) : { state: 'off' } };
  }

  return {
    checkIn: ({ attendeeId, source, override }) => checkInAndPrint(attendeeId, source, override),

    checkInByCode: ({ code }) => {
      const attendeeId = holderOfPayload(db, code);
      return attendeeId === undefined ? { status: 'not-found' } : checkInAndPrint(attendeeId, 'qr');
    },

    undoCheckIn: ({ attendeeId, checkinId }) =>
      db.transaction(() => {
        const attendee = getAttendee(db, attendeeId);
        const live = [attendee.checkedIn, ...attendee.conflicts, ...Object.values(attendee.lists ?? {})].filter((c) => c !== null);
        // Without an id, the check-in on this station's list is the one taken back.
        const target = checkinId ? live.find((c) => c.checkinId === checkinId) : checkinOnList(attendee, stationList(db, readSettings(db)).id);
        if (!target) {
          throw new MusubiError(
            'conflict',
            checkinId ? 'That check-in does not exist or was already undone.' : 'This attendee is not checked in.',
            'checkinId',
          );
        }
        record([{ type: 'checkin.undo', attendeeId, data: { of: target.checkinId } }]);
        return getAttendee(db, attendeeId);
      }).immediate(),

    registerWalkIn: (fields): CheckInOutcome => {
      const attendee = db.transaction(() => {
        const { id, drafts } = newAttendeeDrafts(db, { ...fields, walkIn: true });
        // Registered at this door, so admitted to its list whatever their ticket says.
        record([...drafts, checkinDraft(wallClock, id, 'walkin', stationList(db, readSettings(db)))]);
        return getAttendee(db, id);
      }).immediate();
      return { status: 'checked-in', attendee, print: badges.autoPrint(attendee.id) };
    },

    getStatus: (): StatusSummary => {
      const counts = attendanceCounts(db);
      const settings = readSettings(db);
      const list = stationList(db, settings);
      const onList = settings.checkinLists.length > 0 ? listCounts(db, settings).find((c) => c.list.id === list.id) : undefined;
      return {
        eventName: settings.eventName,
        station: identity.name,
        expected: counts.expected,
        checkedIn: counts.registeredCheckedIn,
        walkIns: counts.walkIns,
        conflicts: counts.conflicts,
        printQueue: badges.pending(),
        list: onList ? { ...list, checkedIn: onList.checkedIn, expected: onList.expected } : null,
      };
    },

    // Station-local (meta), announced so the header and the door's counts follow.
    setStationList: ({ list }): CheckinList => ctx.write(() => chooseStationList(db, readSettings(db), list), ['settings']),
  };
}
