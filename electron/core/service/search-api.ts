import type { searchMethods } from '../../../shared/api/methods/search';
import { searchAttendees } from '../attendees/search';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** Searching the roster. */
export function createSearchApi(ctx: ServiceContext): TopicImpl<keyof typeof searchMethods> {
  return {
    searchAttendees: ({ query, limit }) => searchAttendees(ctx.db, query, limit),
  };
}
