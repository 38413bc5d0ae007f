import { z } from 'zod';
import { partialAttendeeFieldsSchema, type Attendee } from '../../domain/attendee';
import { method, returns } from '../method';

/**
 * One attendee at a time: add, edit, read, and find by the ticket code (`ticketCode` may be the raw
 * scan of a ticket QR: a URL or text holding the code, read as the kiosk reads it).
 */
const attendeeId = z.string().uuid();

export const attendeeMethods = {
  addAttendee: method(partialAttendeeFieldsSchema, returns<Attendee>(), { roles: ['organizer'] }),
  updateAttendee: method(z.object({ id: attendeeId, fields: partialAttendeeFieldsSchema }), returns<Attendee>(), { roles: ['organizer', 'desk'] }),
  getAttendee: method(z.object({ id: attendeeId }), returns<Attendee>(), { roles: ['organizer', 'desk'], changesWith: ['people', 'attendance', 'prints', 'settings'] }),
  findByTicketCode: method(z.object({ ticketCode: z.string().trim().min(1).max(500) }), returns<Attendee | null>(), { roles: ['organizer', 'desk'] }),
};
