import type { CheckInResult } from '../../../shared/api/methods/checkin';
import type { CheckinSource } from '../../../shared/domain/attendee';
import { admits, checkinOnList } from '../../../shared/domain/checkin-lists';
import type { CheckinList } from '../../../shared/domain/settings';
import { entryListId, stationList } from '../checkin-lists/station-list';
import type { EntryDraft } from '../log/recorder';
import type { ServiceContext } from '../service/context';
import { readSettings } from '../settings/queries';
import { getAttendee } from './queries';

/** A check-in entry for `attendeeId` on `list`, stamped with the station's wall clock. */
export function checkinDraft(wallClock: () => number, attendeeId: string, source: CheckinSource, list: Pick<CheckinList, 'id'>): EntryDraft {
  const listId = entryListId(list);
  const scannedAt = new Date(wallClock()).toISOString();
  return { type: 'checkin', attendeeId, data: listId === undefined ? { source, scannedAt } : { source, scannedAt, list: listId } };
}

export interface CheckInOptions {
  /** Staff let in someone whose ticket type the station's list does not admit. */
  override?: boolean;
}

/**
 * The one check-in rule of this station (desk, kiosk, CLI), on the station's check-in list:
 * someone already checked in on that list is answered "already checked in" with where and when;
 * someone whose ticket type the list does not admit is answered "not admitted" unless staff
 * override; in both cases nothing is written. Two stations offline can still both check a person
 * in; the log keeps both and shows a conflict. A registration that is cancelled, waitlisted or
 * unpaid is refused the same way (nothing written) unless staff override it.
 */
export function checkInOnce(ctx: ServiceContext, attendeeId: string, source: CheckinSource, options: CheckInOptions = {}): CheckInResult {
  return ctx.db.transaction((): CheckInResult => {
    const attendee = getAttendee(ctx.db, attendeeId);
    const list = stationList(ctx.db, readSettings(ctx.db));
    const onList = checkinOnList(attendee, list.id);
    if (onList) return { status: 'already-checked-in', attendee, checkin: onList };
    const registrationStatus = attendee.registrationStatus;
    if (registrationStatus !== 'registered' && options.override !== true) return { status: 'not-registered', attendee, registrationStatus };
    if (!options.override && !admits(list, attendee.ticketType)) return { status: 'not-admitted', attendee, list };
    ctx.record([checkinDraft(ctx.wallClock, attendeeId, source, list)]);
    return { status: 'checked-in', attendee: getAttendee(ctx.db, attendeeId) };
  }).immediate();
}
