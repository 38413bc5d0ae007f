import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInOrder } from '../../electron/core/search/first-in-order';

/**
 * The search index's page of changed people: the first `count` in order must be exactly what
 * sorting them all and cutting gives, ties kept in their given order as a stable sort keeps them,
 * on both sides of the size where it stops sorting outright (count × 8).
 */
interface Item {
  key: number;
  at: number;
}
const byKey = (a: Item, b: Item): number => a.key - b.key;

describe('first in order', () => {
  it('gives the start of the full sort, ties in their given order, for any count', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 300 }), fc.integer({ min: -1, max: 60 }), (keys, count) => {
        const items = keys.map((key, at) => ({ key, at }));
        expect(firstInOrder(items, count, byKey)).toEqual([...items].sort(byKey).slice(0, Math.max(0, count)));
      }),
      { numRuns: 500 },
    );
  });

  it('takes any iterable (a set of documents) and leaves the list it is given as it was', () => {
    const docs = new Set(Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000));
    const list = [...docs];
    expect(firstInOrder(docs, 20, (a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(firstInOrder(list, 5, (a, b) => b - a)).toEqual([999, 998, 997, 996, 995]);
    expect(list).toEqual([...docs]);
  });
});
