import type { Attendee, PartialAttendeeFields } from '../../../shared/domain/attendee';
import { newId } from '../../../shared/domain/ids';
import { MusubiError } from '../../../shared/errors';
import { findByTicketCode } from '../attendees/queries';
import type { Db } from '../db/types';
import type { EntryDraft } from '../log/recorder';

/** The rules a new or edited attendee must meet, shared by the attendee and check-in topics. */
export function checkTicketCodeFree(db: Db, ticketCode: string | undefined, ownId?: string): void {
  if (!ticketCode) return;
  const holder = findByTicketCode(db, ticketCode);
  if (holder && holder.id !== ownId) {
    throw new MusubiError('conflict', `Ticket code ${ticketCode} already belongs to another attendee.`, 'ticketCode');
  }
}

export function requireName(fields: PartialAttendeeFields): void {
  if (!fields.name?.trim()) throw new MusubiError('invalid-input', 'A name is required.', 'name');
}

/** The upsert that registers a new attendee, after checking its name and ticket code. */
export function newAttendeeDrafts(db: Db, fields: PartialAttendeeFields): { id: string; drafts: EntryDraft[] } {
  requireName(fields);
  checkTicketCodeFree(db, fields.ticketCode);
  const id = newId();
  return { id, drafts: [{ type: 'attendee.upsert', attendeeId: id, data: { fields } }] };
}

/** Only the fields whose value differs from the attendee's current one. */
export function changedFields(current: Attendee, fields: PartialAttendeeFields): PartialAttendeeFields {
  const changed: PartialAttendeeFields = {};
  for (const [name, value] of Object.entries(fields) as [keyof PartialAttendeeFields, unknown][]) {
    if (value !== undefined && JSON.stringify(current[name]) !== JSON.stringify(value)) {
      Object.assign(changed, { [name]: value });
    }
  }
  return changed;
}
