import type { CheckInOutcome, StatusSummary } from '../../../shared/api/contract';
import type { checkinMethods } from '../../../shared/api/methods/checkin';
import type { Attendee, PartialAttendeeFields } from '../../../shared/domain/attendee';
import { newId } from '../../../shared/domain/ids';
import type { PartialEventSettings } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';
import { normalizeTicketCode } from '../../../shared/text/ticket-code';
import { findByTicketCode, getAttendee } from '../attendees/queries';
import { searchAttendees } from '../attendees/search';
import type { EntryDraft } from '../log/recorder';
import { readSettings } from '../settings/queries';
import { validateSettingsChange } from '../settings/validate';
import type { BadgePrinter } from '../badges/badge-printer';
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
export function createCheckinApi(ctx: ServiceContext, badges: BadgePrinter): TopicImpl<keyof typeof checkinMethods> {
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

  function checkinDraft(attendeeId: string, source: 'qr' | 'search' | 'kiosk' | 'walkin'): EntryDraft {
    return { type: 'checkin', attendeeId, data: { source, scannedAt: new Date(wallClock()).toISOString() } };
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

    checkIn: ({ attendeeId, source }): CheckInOutcome => {
      const outcome = db.transaction(() => {
        const attendee = getAttendee(db, attendeeId);
        if (attendee.checkedIn) return { status: 'already-checked-in' as const, attendee };
        record([checkinDraft(attendeeId, source)]);
        return { status: 'checked-in' as const, attendee: getAttendee(db, attendeeId) };
      }).immediate();
      // The badge prints after the check-in is saved, whoever checked in; a second arrival reprints only on request.
      return { ...outcome, print: outcome.status === 'checked-in' ? badges.autoPrint(attendeeId) : { state: 'off' } };
    },

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

    registerWalkIn: (fields): CheckInOutcome => {
      const attendee = db.transaction(() => {
        const { id, drafts } = newAttendeeDrafts({ ...fields, walkIn: true });
        record([...drafts, checkinDraft(id, 'walkin')]);
        return getAttendee(db, id);
      }).immediate();
      return { status: 'checked-in', attendee, print: badges.autoPrint(attendee.id) };
    },

    findByTicketCode: ({ ticketCode }) => findByTicketCode(db, normalizeTicketCode(ticketCode)) ?? null,

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
        printQueue: badges.pending(),
      };
    },
  };
}
