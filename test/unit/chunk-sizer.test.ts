import { describe, expect, it } from 'vitest';
import { ChunkSizer, CostPerItem } from '../../electron/core/db/slices';

// Long writes size their next chunk from how long the last one held the thread (target 12 ms).
describe('ChunkSizer', () => {
  it('shrinks at once to what fits the target and grows at most by half', () => {
    const sizer = new ChunkSizer(100, 5000, 1000, 12);
    sizer.observe(1000, 100);
    expect(sizer.size).toBe(120);
    sizer.observe(120, 1);
    expect(sizer.size).toBe(180);
  });

  it('stays within its bounds and ignores a chunk that did nothing', () => {
    const sizer = new ChunkSizer(100, 5000, 1000, 12);
    sizer.observe(1000, 10_000);
    expect(sizer.size).toBe(100);
    sizer.observe(0, 50);
    expect(sizer.size).toBe(100);
    for (let i = 0; i < 20; i++) sizer.observe(sizer.size, 0.01);
    expect(sizer.size).toBe(5000);
  });

  it('run() measures the work it runs and answers what the work did', () => {
    const sizer = new ChunkSizer(1, 10_000, 64, 1000);
    const done = sizer.run((size) => size / 2);
    expect(done).toBe(32);
    expect(sizer.size).toBe(96);
  });
});

// A slice of planning keeps room for staging what it planned, from how long staging took.
describe('CostPerItem', () => {
  it('takes a slower measurement at once, a faster one a quarter of the way, and ignores a handful of items', () => {
    const cost = new CostPerItem(0.01);
    expect(cost.expectedMs(1000)).toBeCloseTo(10);
    cost.observe(1000, 40);
    expect(cost.expectedMs(1000)).toBeCloseTo(40);
    cost.observe(1000, 0);
    expect(cost.expectedMs(1000)).toBeCloseTo(30);
    cost.observe(10, 1000);
    expect(cost.expectedMs(1000)).toBeCloseTo(30);
  });
});
