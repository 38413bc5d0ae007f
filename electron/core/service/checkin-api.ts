import type { CheckInOutcome, StatusSummary } from '../../../shared/api/contract';
import type { checkinMethods } from '../../../shared/api/methods/checkin';
import { MusubiError } from '../../../shared/errors';
import { getAttendee } from '../attendees/queries';
import type { EntryDraft } from '../log/recorder';
import { readSettings } from '../settings/queries';
import { newAttendeeDrafts } from './attendee-drafts';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** Check-in, undo, walk-ins and the door's counts. */
export function createCheckinApi(ctx: ServiceContext): TopicImpl<keyof typeof checkinMethods> {
  const { db, record, wallClock, identity } = ctx;

  function checkinDraft(attendeeId: string, source: 'qr' | 'search' | 'kiosk' | 'walkin'): EntryDraft {
    return { type: 'checkin', attendeeId, data: { source, scannedAt: new Date(wallClock()).toISOString() } };
  }

  return {
    checkIn: ({ attendeeId, source }): CheckInOutcome =>
      db.transaction((): CheckInOutcome => {
        const attendee = getAttendee(db, attendeeId);
        if (attendee.checkedIn) return { status: 'already-checked-in', attendee };
        record([checkinDraft(attendeeId, source)]);
        return { status: 'checked-in', attendee: getAttendee(db, attendeeId) };
      }).immediate(),

    undoCheckIn: ({ attendeeId, checkinId }) =>
      db.transaction(() => {
        const attendee = getAttendee(db, attendeeId);
        const live = [attendee.checkedIn, ...attendee.conflicts].filter((c) => c !== null);
        const target = checkinId ? live.find((c) => c.checkinId === checkinId) : attendee.checkedIn;
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

    registerWalkIn: (fields): CheckInOutcome =>
      db.transaction((): CheckInOutcome => {
        const { id, drafts } = newAttendeeDrafts(db, { ...fields, walkIn: true });
        record([...drafts, checkinDraft(id, 'walkin')]);
        return { status: 'checked-in', attendee: getAttendee(db, id) };
      }).immediate(),

    getStatus: (): StatusSummary => {
      const row = db
        .prepare(
          `SELECT
             coalesce(sum(walk_in = 0), 0) AS expected,
             coalesce(sum(checkin_id IS NOT NULL AND walk_in = 0), 0) AS checked_in,
             coalesce(sum(walk_in = 1), 0) AS walk_ins,
             coalesce(sum(conflict_count > 0), 0) AS conflicts
           FROM attendees WHERE removed = 0`,
        )
        .get() as { expected: number; checked_in: number; walk_ins: number; conflicts: number };
      return {
        eventName: readSettings(db).eventName,
        station: identity.name,
        expected: row.expected,
        checkedIn: row.checked_in,
        walkIns: row.walk_ins,
        conflicts: row.conflicts,
      };
    },
  };
}
