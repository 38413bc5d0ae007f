/**
 * The fairness and freshness rules of partner suggestions, in one place. Every station uses the
 * same numbers on the same log, so they agree on who is at the cap.
 */
export const SUGGESTION_POLICY = {
  /** Suggestions shown to one person at a time. */
  perPerson: 3,
  /** Nobody is suggested more than this many times within `windowMs`... */
  cap: 5,
  /** ...a rolling hour: a person at the cap becomes suggestible again as their old showings age out. */
  windowMs: 60 * 60_000,
  /** Arrived within this long: a "fresh" arrival, still looking around. */
  freshMs: 20 * 60_000,
  /** Showing suggestions again within this long returns the same people (a reload, desk and kiosk). */
  reshowMs: 10 * 60_000,
} as const;

export type SuggestionPolicy = { readonly [K in keyof typeof SUGGESTION_POLICY]: number };
