import type { Attendee, CheckinView } from './attendee';
import { compareStamp } from './entry';
import type { CheckinList, EventSettings } from './settings';

/**
 * Check-in lists (issue 14 item 4): an event with parts (セミナー and 懇親会) checks people in per
 * part. An event without lists has one implicit list with this id, and every check-in entry
 * written before lists existed, or on that list, carries no list id at all: a simple event's log
 * and screens are what they always were.
 */
export const DEFAULT_LIST_ID = 'main';

/** The list a check-in entry (or row) belongs to. */
export function listOf(checkin: { list?: string | null | undefined }): string {
  return checkin.list ?? DEFAULT_LIST_ID;
}

/** The lists a station may choose from: the event's, or the implicit default one. */
export function eventLists(settings: Pick<EventSettings, 'checkinLists'>): CheckinList[] {
  return settings.checkinLists.length > 0 ? settings.checkinLists : [{ id: DEFAULT_LIST_ID, ja: '受付', en: 'Check-in', ticketTypes: [] }];
}

/** Ticket types compared as people type them: width, case and spaces folded. */
export function ticketTypeKey(ticketType: string): string {
  return ticketType.normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, '');
}

/** Whether `list` admits a person holding `ticketType`. A list naming no types admits everyone. */
export function admits(list: Pick<CheckinList, 'ticketTypes'>, ticketType: string): boolean {
  if (list.ticketTypes.length === 0) return true;
  const key = ticketTypeKey(ticketType);
  return key !== '' && list.ticketTypes.some((t) => ticketTypeKey(t) === key);
}

/** A person's official check-in on one list, or null. */
export function checkinOnList(attendee: Pick<Attendee, 'checkedIn' | 'lists'>, listId: string): CheckinView | null {
  if (attendee.lists) return attendee.lists[listId] ?? null;
  return listId === DEFAULT_LIST_ID ? attendee.checkedIn : null;
}

export interface ListCheckinStamp {
  id: string;
  hlc: string;
  list?: string | null | undefined;
}

export interface ListCheckinResolution<T extends ListCheckinStamp> {
  /** The earliest live check-in on any list: when the person first arrived. */
  official: T | null;
  /** Live check-ins that are not the earliest of their own list, by clock order. */
  conflicts: T[];
  /** The earliest live check-in of each list; null when every live check-in is on the default list. */
  perList: Map<string, T> | null;
}

/**
 * The check-in rule with lists: per list, the earliest not-undone check-in by clock order is the
 * official one and later ones on the same list are conflicts; a check-in on another list is not a
 * conflict. Minimum and set membership only, so it does not depend on the order entries arrived
 * in. With only the default list this is exactly the rule before lists existed.
 */
export function resolveListCheckins<T extends ListCheckinStamp>(checkins: readonly T[], undone: ReadonlySet<string>): ListCheckinResolution<T> {
  const live = checkins.filter((c) => !undone.has(c.id)).sort(compareStamp);
  const firsts = new Map<string, T>();
  const conflicts: T[] = [];
  for (const c of live) {
    const list = listOf(c);
    if (firsts.has(list)) conflicts.push(c);
    else firsts.set(list, c);
  }
  const onlyDefault = [...firsts.keys()].every((list) => list === DEFAULT_LIST_ID);
  return { official: live[0] ?? null, conflicts, perList: onlyDefault ? null : firsts };
}

/** An id for a new list: the first list the organizer makes is the default one, so check-ins made before it stay on it. */
export function newListId(taken: readonly { id: string }[]): string {
  if (!taken.some((l) => l.id === DEFAULT_LIST_ID)) return DEFAULT_LIST_ID;
  let n = taken.length + 1;
  while (taken.some((l) => l.id === `list-${n}`)) n++;
  return `list-${n}`;
}

/** Ticket types as an organizer types them in one box: separated by commas (、 or ,) or lines. */
export function parseTicketTypes(text: string): string[] {
  const seen = new Set<string>();
  const types: string[] = [];
  for (const part of text.split(/[,、，\n]/)) {
    const type = part.trim();
    if (type && !seen.has(ticketTypeKey(type))) {
      seen.add(ticketTypeKey(type));
      types.push(type);
    }
  }
  return types;
}

/**
 * A person as one door sees them: `checkedIn` is their check-in on that door's list (so the desk
 * offers "check in" at the party to someone who was at the seminar). The default list of a simple
 * event gives the person unchanged.
 */
export function onListView<A extends Pick<Attendee, 'checkedIn' | 'lists'>>(attendee: A, listId: string): A {
  if (!attendee.lists && listId === DEFAULT_LIST_ID) return attendee;
  return { ...attendee, checkedIn: checkinOnList(attendee, listId) };
}
