/**
 * Which goals make a meeting worth it, as data: `[mine, theirs]` means someone who came for `mine`
 * gains from meeting someone who came for `theirs`. Ids are the event's goal ids (the defaults in
 * shared/domain/defaults.ts); a pair naming a goal the event does not use simply never matches,
 * so an organizer who adds `investment` and `founders` goals gets that pairing without a code change.
 * "Learning" pairs with anyone who came to share the same interest (learning) or new ideas.
 */
export const GOAL_COMPLEMENTS: readonly (readonly [mine: string, theirs: string])[] = [
  ['hiring', 'job'],
  ['job', 'hiring'],
  ['partners', 'partners'],
  ['ideas', 'ideas'],
  ['network', 'network'],
  ['learning', 'learning'],
  ['learning', 'ideas'],
  ['ideas', 'learning'],
  ['investment', 'founders'],
  ['founders', 'investment'],
];

/** For each goal, the goals of people worth meeting for it (built once from the table). */
export function complementMap(pairs: readonly (readonly [string, string])[] = GOAL_COMPLEMENTS): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const [mine, theirs] of pairs) {
    const list = map.get(mine) ?? [];
    if (!list.includes(theirs)) list.push(theirs);
    map.set(mine, list);
  }
  return map;
}
