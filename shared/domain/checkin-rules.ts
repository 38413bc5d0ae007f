import { compareStamp } from './entry';

export interface CheckinStamp {
  id: string;
  hlc: string;
}

export interface CheckinResolution<T extends CheckinStamp> {
  official: T | null;
  conflicts: T[];
}

/**
 * The official check-in is the earliest not-undone check-in by clock order (scan time corrected by
 * the HLC), whatever order the entries arrived in; the other not-undone ones are conflicts that
 * staff see and organizers get reported. Nothing is overwritten.
 */
export function resolveCheckins<T extends CheckinStamp>(checkins: readonly T[], undone: ReadonlySet<string>): CheckinResolution<T> {
  const live = checkins.filter((c) => !undone.has(c.id)).sort(compareStamp);
  const [official, ...conflicts] = live;
  return { official: official ?? null, conflicts };
}
