/**
 * What a person's Enter in the desk's search box does. Only the highlighted result of the results
 * *for the text now in the box* is checked in: results of an older query (the answer to the
 * new text has not arrived yet) never are, and neither is anything on an empty box.
 */
export interface EnterContext<T> {
  /** The text now in the search box. */
  query: string;
  /** The query the results on screen answer; undefined while none have arrived. */
  resultsFor: string | undefined;
  items: readonly T[];
  selected: number;
  /** A check-in is already on its way. */
  busy: boolean;
}

export type EnterDecision<T> = { kind: 'check-in'; item: T } | { kind: 'nothing'; why: 'empty' | 'stale' | 'no-match' | 'busy' };

export function decideEnter<T>(context: EnterContext<T>): EnterDecision<T> {
  if (context.query.trim() === '') return { kind: 'nothing', why: 'empty' };
  if (context.busy) return { kind: 'nothing', why: 'busy' };
  if (context.resultsFor !== context.query) return { kind: 'nothing', why: 'stale' };
  const item = context.items[context.selected];
  return item === undefined ? { kind: 'nothing', why: 'no-match' } : { kind: 'check-in', item };
}
