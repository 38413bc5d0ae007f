import type { Attendee, RegistrationStatus } from './attendee';

/**
 * Where a person stands on the organizer's list, one word per row:
 * - `removed`: taken off the list (reversible);
 * - `checked-in`: arrived, whatever their registration says (staff may have let a cancelled
 *   person in; the registration is shown beside it);
 * - `cancelled` / `waitlisted` / `pending`: not expected and not arrived;
 * - `walk-in`: registered at the door and their check-in undone since (not expected either);
 * - `expected`: registered in advance and not arrived yet (未来場). These are exactly the people
 *   the dashboard's "expected" count holds minus those already in.
 * The list's filter (electron/core/roster/list.ts) selects by the same rule.
 */
export type RosterState = 'removed' | 'checked-in' | 'expected' | 'walk-in' | Exclude<RegistrationStatus, 'registered'>;

export function rosterStateOf(person: Pick<Attendee, 'checkedIn' | 'walkIn' | 'registrationStatus'> & { removed: boolean }): RosterState {
  if (person.removed) return 'removed';
  if (person.checkedIn) return 'checked-in';
  if (person.registrationStatus !== 'registered') return person.registrationStatus;
  return person.walkIn ? 'walk-in' : 'expected';
}
