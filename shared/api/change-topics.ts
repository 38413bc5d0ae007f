import type { EntryType } from '../domain/entry';

/**
 * What a change notice says changed, so that a screen re-reads only what it shows of that
 * (docs/decisions.md "Change notices that say what changed"). Topics are kinds of data, never the
 * data: a notice names no person, so every role may hear every notice.
 * - people: an attendee's fields, a removal or restore (the rows, the cards, the counts' totals);
 * - attendance: check-ins, undos, presence (who is in, the counts, the room);
 * - prints: badges printed and the print queue;
 * - partners: introductions shown (the fairness cap, the report);
 * - settings: the event's settings and this station's (check-in list, kiosk, printer);
 * - sync: the sync state (online, waiting, last error);
 * - data-safety: export and backup bookkeeping.
 */
export const CHANGE_TOPICS = ['people', 'attendance', 'prints', 'partners', 'settings', 'sync', 'data-safety'] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

/** The topics an entry of each type changes; a type added without a line here does not compile. */
export const ENTRY_TOPICS: Readonly<Record<EntryType, readonly ChangeTopic[]>> = {
  'attendee.upsert': ['people'],
  'attendee.remove': ['people'],
  'attendee.restore': ['people'],
  'attendee.presence': ['attendance'],
  checkin: ['attendance'],
  'checkin.undo': ['attendance'],
  'badge.printed': ['prints'],
  'partners.suggested': ['partners'],
  'settings.upsert': ['settings'],
};

const KNOWN = new Set<string>(CHANGE_TOPICS);

/** The topics of a batch of entries; a type this build does not know changes everything. */
export function topicsOfEntries(types: Iterable<string>): readonly ChangeTopic[] {
  const topics = new Set<ChangeTopic>();
  for (const type of types) {
    const of = Object.hasOwn(ENTRY_TOPICS, type) ? ENTRY_TOPICS[type as EntryType] : undefined;
    if (!of) return CHANGE_TOPICS;
    for (const topic of of) topics.add(topic);
  }
  return CHANGE_TOPICS.filter((topic) => topics.has(topic));
}

/** "Everything may have changed": a notice without topics, or one this build cannot read. */
export type AllTopics = 'all';

/**
 * What a notice as it arrived says changed. Missing, empty, malformed or naming a topic this
 * build does not know (an older or newer station): everything, so a screen re-reads too much
 * rather than miss a change.
 */
export function topicsOfNotice(notice: { topics?: unknown }): ReadonlySet<ChangeTopic> | AllTopics {
  const { topics } = notice;
  if (!Array.isArray(topics) || topics.length === 0) return 'all';
  if (!topics.every((topic): topic is ChangeTopic => typeof topic === 'string' && KNOWN.has(topic))) return 'all';
  return new Set(topics);
}

/** Joins what two notices say changed (notices that arrive together reach the screens as one). */
export function joinTopics(a: ReadonlySet<ChangeTopic> | AllTopics, b: ReadonlySet<ChangeTopic> | AllTopics): ReadonlySet<ChangeTopic> | AllTopics {
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}

/** Whether a change of `changed` can change the answer of a read that depends on `readsOf`. */
export function concerns(changed: ReadonlySet<ChangeTopic> | AllTopics, readsOf: ReadonlySet<ChangeTopic> | AllTopics): boolean {
  if (changed === 'all' || readsOf === 'all') return true;
  for (const topic of readsOf) if (changed.has(topic)) return true;
  return false;
}
