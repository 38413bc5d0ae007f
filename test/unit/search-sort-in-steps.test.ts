import { describe, expect, it } from 'vitest';
import { sortInSteps } from '../../electron/core/search/index-build';

/** The build's sort in steps gives what one sort gives, whatever the size (runs of 4,096, merged). */
function sortedInSteps(items: number[]): { sorted: number[]; steps: number } {
  const steps = sortInSteps(items, (a, b) => a - b);
  let count = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { sorted: next.value, steps: count };
    count++;
  }
}

describe('sort in steps', () => {
  it('sorts like Array.prototype.sort at the edges of its runs', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const n of [0, 1, 4095, 4096, 4097, 8192, 3 * 4096 + 5, 40_000]) {
      const items = Array.from({ length: n }, () => random() % 1000);
      const { sorted, steps } = sortedInSteps(items);
      expect(sorted, `n = ${n}`).toEqual([...items].sort((a, b) => a - b));
      // More than one step once there is more than one run: the thread is let go in between.
      if (n > 8192) expect(steps).toBeGreaterThan(2);
    }
  });
});
