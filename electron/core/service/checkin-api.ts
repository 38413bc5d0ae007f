import type { CheckInOutcome, StatusSummary } from '../../../shared/api/contract';
import type { checkinMethods } from '../../../shared/api/methods/checkin';
import type { Attendee, PartialAttendeeFields } from '../../../shared/domain/attendee';
import { newId } from '../../../shared/domain/ids';
import type { PartialEventSettings } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';
import { normalizeTicketCode } from '../../../shared/text/ticket-code';
import { checkinDraft, checkInOnce } from '../attendees/check-in';
import { attendanceCounts } from '../attendees/counts';
import { findByTicketCode, getAttendee } from '../attendees/queries';
import { searchAttendees } from '../attendees/search';
import type { EntryDraft } from '../log/recorder';
import { readSettings } from '../settings/queries';
import { validateSettingsChange } from '../settings/validate';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

function changedFields(current: Attendee, fields: PartialAttendeeFields): PartialAttendeeFields {
  const changed: PartialAttendeeFields = {};
  for (const [name, value] of Object.entries(fields) as [keyof PartialAttendeeFields, unknown][]) {
    if (value !== undefined && JSON.stringify(current[name]) !== JSON.stringify(value)) {
      Object.assign(changed, { [name]: value });
    }
  }
  return changed;
}

/** Event settings, attendees, search, check-in and undo. */
export function createCheckinApi(ctx: ServiceContext): TopicImpl<keyof typeof checkinMethods> {
  const { db, record, wallClock, identity } = ctx;

  function checkTicketCodeFree(ticketCode: string | undefined, ownId?: string): void {
    if (!ticketCode) return;
    const holder = findByTicketCode(db, ticketCode);
    if (holder && holder.id !== ownId) {
      throw new MusubiError('conflict', `Ticket code ${ticketCode} already belongs to another attendee.`, 'ticketCode');
    }
  }

  function requireName(fields: PartialAttendeeFields): void {
    if (!fields.name?.trim()) throw new MusubiError('invalid-input', 'A name is required.', 'name');
  }

  function newAttendeeDrafts(fields: PartialAttendeeFields): { id: string; drafts: EntryDraft[] } {
    requireName(fields);
    checkTicketCodeFree(fields.ticketCode);
    const id = newId();
    return { id, drafts: [{ type: 'attendee.upsert', attendeeId: id, data: { fields } }] };
  }

  return {
    getEvent: () => readSettings(db),

    updateEvent: (fields: PartialEventSettings) => {
      const current = readSettings(db);
      validateSettingsChange(fields);
      const changed = Object.fromEntries(
        Object.entries(fields).filter(
          ([name, value]) => value !== undefined && JSON.stringify(current[name as keyof typeof current]) !== JSON.stringify(value),
        ),
      );
      if (Object.keys(changed).length > 0) record([{ type: 'settings.upsert', attendeeId: null, data: { fields: changed } }]);
      return readSettings(db);
    },

    addAttendee: (fields) =>
      db.transaction(() => {
        const { id, drafts } = newAttendeeDrafts(fields);
        record(drafts);
        return getAttendee(db, id);
      }).immediate(),

    updateAttendee: ({ id, fields }) =>
      db.transaction(() => {
        const current = getAttendee(db, id);
        if (fields.name !== undefined) requireName(fields);
        checkTicketCodeFree(fields.ticketCode, id);
        const changed = changedFields(current, fields);
        if (Object.keys(changed).length > 0) record([{ type: 'attendee.upsert', attendeeId: id, data: { fields: changed } }]);
        return getAttendee(db, id);
      }).immediate(),

    getAttendee: ({ id }) => getAttendee(db, id),

    searchAttendees: ({ query, limit }) => searchAttendees(db, query, limit),

    checkIn: ({ attendeeId, source }): CheckInOutcome => checkInOnce(ctx, attendeeId, source),

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
        const { id, drafts } = newAttendeeDrafts({ ...fields, walkIn: true });
        record([...drafts, checkinDraft(wallClock, id, 'walkin')]);
        return { status: 'checked-in', attendee: getAttendee(db, id) };
      }).immediate(),

    findByTicketCode: ({ ticketCode }) => findByTicketCode(db, normalizeTicketCode(ticketCode)) ?? null,

    getStatus: (): StatusSummary => {
      const counts = attendanceCounts(db);
      return {
        eventName: readSettings(db).eventName,
        station: identity.name,
        expected: counts.expected,
        checkedIn: counts.registeredCheckedIn,
        walkIns: counts.walkIns,
        conflicts: counts.conflicts,
      };
    },
  };
}
