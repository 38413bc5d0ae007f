import type { attendeeMethods } from '../../../shared/api/methods/attendees';
import { getAttendee } from '../attendees/queries';
import { changedFields, checkTicketCodeFree, newAttendeeDrafts, requireName } from './attendee-drafts';
import type { ServiceContext } from './context';
import { holderOfPayload } from './ticket-lookup';
import type { TopicImpl } from './types';

/** One attendee at a time: add, edit, read, find by ticket code. */
export function createAttendeesApi(ctx: ServiceContext): TopicImpl<keyof typeof attendeeMethods> {
  const { db, record } = ctx;
  return {
    addAttendee: (fields) =>
      db.transaction(() => {
        const { id, drafts } = newAttendeeDrafts(db, fields);
        record(drafts);
        return getAttendee(db, id);
      }).immediate(),

    updateAttendee: ({ id, fields }) =>
      db.transaction(() => {
        const current = getAttendee(db, id);
        if (fields.name !== undefined) requireName(fields);
        checkTicketCodeFree(db, fields.ticketCode, id);
        const changed = changedFields(current, fields);
        if (Object.keys(changed).length > 0) record([{ type: 'attendee.upsert', attendeeId: id, data: { fields: changed } }]);
        return getAttendee(db, id);
      }).immediate(),

    getAttendee: ({ id }) => getAttendee(db, id),

    findByTicketCode: ({ ticketCode }) => {
      const id = holderOfPayload(db, ticketCode);
      return id === undefined ? null : getAttendee(db, id);
    },
  };
}
