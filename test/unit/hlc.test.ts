import { describe, expect, it } from 'vitest';
import { createHybridClock, formatHlc, MAX_CLOCK_DRIFT_MS, parseHlc } from '../../shared/domain/hlc';

describe('hybrid logical clock', () => {
  it('formats fixed-width stamps that sort as strings in time order', () => {
    const early = formatHlc({ ms: 9_999, counter: 5, node: 'b' });
    const late = formatHlc({ ms: 10_000, counter: 0, node: 'a' });
    expect(early).toBe('000000000009999-000005-b');
    expect(early < late).toBe(true);
    expect(parseHlc(late)).toEqual({ ms: 10_000, counter: 0, node: 'a' });
  });

  it('keeps increasing when the wall clock stands still or goes back', () => {
    let wall = 1_000;
    const clock = createHybridClock('door1', () => wall);
    const a = clock.now();
    const b = clock.now();
    wall = 500;
    const c = clock.now();
    expect(a < b && b < c).toBe(true);
    expect(parseHlc(c)).toEqual({ ms: 1_000, counter: 2, node: 'door1' });
  });

  it('orders local stamps after a remote stamp it has seen', () => {
    const clock = createHybridClock('door1', () => 1_000);
    clock.observe(formatHlc({ ms: 50_000, counter: 7, node: 'door2' }));
    expect(parseHlc(clock.now())).toEqual({ ms: 50_000, counter: 8, node: 'door1' });
  });

  it('refuses a remote clock too far ahead, with a clear reason', () => {
    const clock = createHybridClock('door1', () => 1_000);
    const ahead = formatHlc({ ms: 1_000 + MAX_CLOCK_DRIFT_MS + 1, counter: 0, node: 'x' });
    expect(() => clock.observe(ahead)).toThrow(/ahead of this station/);
    expect(() => clock.observe(ahead)).toThrow(expect.objectContaining({ code: 'clock-drift' }));
  });

  it('resumes after the latest stamp of a reopened database', () => {
    const clock = createHybridClock('door1', () => 10, formatHlc({ ms: 2_000, counter: 3, node: 'door1' }));
    expect(parseHlc(clock.now())).toEqual({ ms: 2_000, counter: 4, node: 'door1' });
  });

  it('rejects malformed stamps', () => {
    expect(() => parseHlc('12-3-x')).toThrow(/Not a clock stamp/);
  });
});
