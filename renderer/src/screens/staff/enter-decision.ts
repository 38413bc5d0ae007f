/**
 * What the desk may act on. The search box's text changes at once; the results for it arrive a
 * moment later. Until they have, the rows and the card on screen belong to an older text, and
 * nothing — Enter, a click on a row, the card's buttons — may act on them: only the results *for
 * the text now in the box* are chosen or checked in, and nothing is on an empty box.
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

/** Whether the results on screen answer the text now in the box (only then may anything act on them). */
export function resultsAreCurrent(query: string, resultsFor: string | undefined): boolean {
  return resultsFor !== undefined && resultsFor === query;
}

export function decideEnter<T>(context: EnterContext<T>): EnterDecision<T> {
  if (context.query.trim() === '') return { kind: 'nothing', why: 'empty' };
  if (context.busy) return { kind: 'nothing', why: 'busy' };
  if (!resultsAreCurrent(context.query, context.resultsFor)) return { kind: 'nothing', why: 'stale' };
  const item = context.items[context.selected];
  return item === undefined ? { kind: 'nothing', why: 'no-match' } : { kind: 'check-in', item };
}

export interface RowClickContext<T extends { id: string }> {
  query: string;
  resultsFor: string | undefined;
  items: readonly T[];
  /** The row clicked: its place in the list as drawn, and whom it showed. */
  index: number;
  clickedId: string;
}

export type RowClickDecision<T> = { kind: 'select'; index: number; item: T } | { kind: 'nothing'; why: 'stale' | 'moved' };

/**
 * A click on a result row chooses that person only while the row still answers the text in the
 * box and still shows the person it was drawn with; otherwise the click does nothing.
 */
export function decideRowClick<T extends { id: string }>(context: RowClickContext<T>): RowClickDecision<T> {
  if (context.query.trim() === '' || !resultsAreCurrent(context.query, context.resultsFor)) return { kind: 'nothing', why: 'stale' };
  const item = context.items[context.index];
  return item?.id === context.clickedId ? { kind: 'select', index: context.index, item } : { kind: 'nothing', why: 'moved' };
}

export interface CardContext<T> {
  query: string;
  resultsFor: string | undefined;
  items: readonly T[];
  selected: number;
  /** Whom the last scan (or walk-in, or edit) found, once fetched; undefined when no scan is shown. */
  scanned: { item: T | undefined } | undefined;
}

/** The card on screen, and whether its buttons may act (a card of an older text's results may not). */
export interface CardShown<T> {
  item: T | undefined;
  actionable: boolean;
}

export function cardToShow<T>(context: CardContext<T>): CardShown<T> {
  if (context.scanned) return { item: context.scanned.item, actionable: context.scanned.item !== undefined };
  if (context.query.trim() === '' || context.items.length === 0) return { item: undefined, actionable: false };
  const item = context.items[Math.max(0, Math.min(context.selected, context.items.length - 1))];
  return { item, actionable: item !== undefined && resultsAreCurrent(context.query, context.resultsFor) };
}
