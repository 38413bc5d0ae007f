/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * min(max, base·2ⁿ), so stations that lost the hub together do not all come back in the same
 * millisecond. `random` is injected so tests are seeded.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + options.random() * (ceiling / 2));
}
