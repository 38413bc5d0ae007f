import { describe, expect, it } from 'vitest';
import { waitedPhase, type PhaseSpan } from '../bench/waited-phase';

// Door-busy's opt-in figures file each desk request under the phase it waited on.
const spans: PhaseSpan[] = [
  { name: 'reimport', start: 100 },
  { name: 'export', start: 200 },
  { name: 'pull', start: 300 },
];

describe('waitedPhase', () => {
  it('files a request answered within its phase under that phase', () => {
    expect(waitedPhase(spans, 120, 150)).toBe('reimport');
    expect(waitedPhase(spans, 210, 290)).toBe('export');
  });

  it('files a request sent at the end of a phase under the next one when it waited mostly there', () => {
    expect(waitedPhase(spans, 190, 260)).toBe('export');
    expect(waitedPhase(spans, 150, 240)).toBe('reimport');
    // Sent in the re-import, held through the export, answered in the pull.
    expect(waitedPhase(spans, 195, 310)).toBe('export');
  });

  it('gives equal shares to the later phase and a zero wait to the phase it fell in', () => {
    expect(waitedPhase(spans, 150, 250)).toBe('export');
    expect(waitedPhase(spans, 200, 200)).toBe('export');
    expect(waitedPhase(spans, 199.5, 199.5)).toBe('reimport');
  });

  it('files the warm-up under the first phase and the aftermath under the last', () => {
    expect(waitedPhase(spans, 10, 20)).toBe('reimport');
    expect(waitedPhase(spans, 5000, 5100)).toBe('pull');
    expect(waitedPhase([], 1, 2)).toBeUndefined();
  });
});
