import type { RosterRow, rosterMethods } from '../../../shared/api/methods/roster';
import { MusubiError } from '../../../shared/errors';
import { findRosterRow, listAttendees } from '../roster/list';
import { whenSearchReady } from '../search/attendee-index';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/**
 * The organizer's attendee list. Removing and restoring write `attendee.remove` /
 * `attendee.restore`; whichever is latest by clock decides on every station, and nothing of the
 * person (fields, check-ins, prints) is deleted either way.
 */
export function createRosterApi(ctx: ServiceContext): TopicImpl<keyof typeof rosterMethods> {
  const { db, record } = ctx;

  const setRemoved = (id: string, removed: boolean): RosterRow =>
    db.transaction(() => {
      const current = findRosterRow(db, id);
      if (!current) throw new MusubiError('not-found', 'No such attendee.', 'id');
      // Already in the asked state: nothing to write, so a double click adds no entry.
      if (current.removed !== removed) record([{ type: removed ? 'attendee.remove' : 'attendee.restore', attendeeId: id, data: {} }]);
      return findRosterRow(db, id) as RosterRow;
    }).immediate();

  return {
    // A query is answered by the search index: while it is first built, wait without holding the thread.
    listAttendees: (input) => (input.query?.trim() ? whenSearchReady(db, () => listAttendees(db, input)) : listAttendees(db, input)),
    removeAttendee: ({ id }) => setRemoved(id, true),
    restoreAttendee: ({ id }) => setRemoved(id, false),
  };
}
