import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, parse, type Color } from 'culori';

/**
 * Warns an organizer who picks two industry colours that people will confuse. Same measure as the
 * default palette's test (CIEDE2000, also under simulated colour vision deficiencies); the floor of
 * 10 is the one the defaults meet for colour-blind viewers (see test/unit/palette.test.ts).
 */
export const MIN_COLOUR_DIFFERENCE = 10;

const deltaE = differenceCiede2000();
const VIEWS: ((c: Color) => Color)[] = [(c) => c, filterDeficiencyDeuter(1), filterDeficiencyProt(1), filterDeficiencyTrit(1)];

export interface SimilarPair<T> {
  a: T;
  b: T;
  /** The smallest ΔE00 over normal vision and the three simulated deficiencies. */
  difference: number;
}

export function tooSimilarColours<T extends { color: string }>(items: readonly T[], minimum = MIN_COLOUR_DIFFERENCE): SimilarPair<T>[] {
  const parsed = items.map((item) => parse(item.color));
  const pairs: SimilarPair<T>[] = [];
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = parsed[i];
      const b = parsed[j];
      if (!a || !b) continue;
      const difference = Math.min(...VIEWS.map((view) => deltaE(view(a), view(b))));
      if (difference < minimum) pairs.push({ a: items[i]!, b: items[j]!, difference });
    }
  }
  return pairs;
}
