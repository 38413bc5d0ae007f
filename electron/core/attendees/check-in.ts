import type { CheckInResult } from '../../../shared/api/methods/checkin';
import type { CheckinSource } from '../../../shared/domain/attendee';
import type { EntryDraft } from '../log/recorder';
import type { ServiceContext } from '../service/context';
import { getAttendee } from './queries';

/** A check-in entry for `attendeeId`, stamped with the station's wall clock. */
export function checkinDraft(wallClock: () => number, attendeeId: string, source: CheckinSource): EntryDraft {
  return { type: 'checkin', attendeeId, data: { source, scannedAt: new Date(wallClock()).toISOString() } };
}

/**
 * The one check-in rule of this station (desk, kiosk, CLI): someone already checked in is
 * answered "already checked in" with where and when, and nothing is written. Two stations
 * offline can still both check a person in; the log keeps both and shows a conflict.
 * A registration that is cancelled, waitlisted or unpaid is refused (nothing written) unless staff
 * override it; the person and their data stay as they are either way.
 */
export function checkInOnce(ctx: ServiceContext, attendeeId: string, source: CheckinSource, options: { override?: boolean } = {}): CheckInResult {
  return ctx.db.transaction((): CheckInResult => {
    const attendee = getAttendee(ctx.db, attendeeId);
    if (attendee.checkedIn) return { status: 'already-checked-in', attendee };
    const registrationStatus = attendee.registrationStatus;
    if (registrationStatus !== 'registered' && options.override !== true) return { status: 'not-registered', attendee, registrationStatus };
    ctx.record([checkinDraft(ctx.wallClock, attendeeId, source)]);
    return { status: 'checked-in', attendee: getAttendee(ctx.db, attendeeId) };
  }).immediate();
}
