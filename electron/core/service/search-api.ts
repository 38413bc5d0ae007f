import type { searchMethods } from '../../../shared/api/methods/search';
import { searchAttendees } from '../attendees/search';
import { whenSearchReady } from '../search/attendee-index';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** Searching the roster. */
export function createSearchApi(ctx: ServiceContext): TopicImpl<keyof typeof searchMethods> {
  return {
    // While the index is first built (on a worker), a search waits without holding the thread.
    searchAttendees: ({ query, limit }) => whenSearchReady(ctx.db, () => searchAttendees(ctx.db, query, limit)),
  };
}
