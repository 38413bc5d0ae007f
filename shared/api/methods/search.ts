import { z } from 'zod';
import type { Attendee } from '../../domain/attendee';
import { method, returns } from '../method';

/** Searching the roster by name, reading, company, e-mail or ticket code. */
export interface SearchResult {
  items: Attendee[];
  /** How many attendees match in all; `items` is the first page. */
  total: number;
}

export const searchMethods = {
  searchAttendees: method(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(500).default(50) }),
    returns<SearchResult>(),
    { roles: ['organizer', 'desk'], changesWith: ['people', 'attendance', 'prints', 'settings'] },
  ),
};
