import { MusubiError } from '../errors';

/**
 * Hybrid logical clock: "<ms>-<counter>-<node>", fixed-width so that plain string comparison
 * orders timestamps (docs/architecture.md "The event log and the projection"). The node part makes two stations' stamps differ
 * even when wall clock and counter agree.
 */
const MS_WIDTH = 15;
const COUNTER_WIDTH = 6;
const MAX_COUNTER = 10 ** COUNTER_WIDTH - 1;

/** A remote stamp further ahead of our wall clock than this is refused (a broken clock, not drift). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

const HLC_PATTERN = /^(\d{15})-(\d{6})-([A-Za-z0-9_.]{1,64})$/;

export function formatHlc(parts: HlcParts): string {
  return `${String(parts.ms).padStart(MS_WIDTH, '0')}-${String(parts.counter).padStart(COUNTER_WIDTH, '0')}-${parts.node}`;
}

export function parseHlc(value: string): HlcParts {
  const match = HLC_PATTERN.exec(value);
  if (!match) throw new MusubiError('invalid-input', `Not a clock stamp: ${JSON.stringify(value.slice(0, 80))}`);
  return { ms: Number(match[1]), counter: Number(match[2]), node: match[3] ?? '' };
}

export function isHlc(value: string): boolean {
  return HLC_PATTERN.test(value);
}

export function isValidNodeId(node: string): boolean {
  return /^[A-Za-z0-9_.]{1,64}$/.test(node);
}

export interface HybridClock {
  /** A new stamp for a local event, later than every stamp this clock has issued or seen. */
  now(): string;
  /** Folds a remote stamp in so that later local stamps sort after it. Throws `clock-drift`. */
  observe(remote: string): void;
  /** The latest stamp issued or seen. */
  latest(): string;
}

export function createHybridClock(node: string, wallClock: () => number, start?: string): HybridClock {
  if (!isValidNodeId(node)) throw new MusubiError('invalid-input', `Bad station clock id: ${node}`);
  let last: HlcParts = start ? { ...parseHlc(start), node } : { ms: 0, counter: 0, node };

  function advanceTo(ms: number, counter: number): void {
    if (counter > MAX_COUNTER) {
      // Counter overflow only happens with a million events in one millisecond; move time on instead.
      last = { ms: ms + 1, counter: 0, node };
    } else {
      last = { ms, counter, node };
    }
  }

  return {
    now() {
      const wall = wallClock();
      if (wall > last.ms) advanceTo(wall, 0);
      else advanceTo(last.ms, last.counter + 1);
      return formatHlc(last);
    },
    observe(remote) {
      const parts = parseHlc(remote);
      const wall = wallClock();
      if (parts.ms - wall > MAX_CLOCK_DRIFT_MS) {
        throw new MusubiError(
          'clock-drift',
          `A remote clock is ${Math.round((parts.ms - wall) / 1000)} s ahead of this station (limit ${MAX_CLOCK_DRIFT_MS / 1000} s). Check the date and time settings.`,
        );
      }
      if (parts.ms > last.ms || (parts.ms === last.ms && parts.counter > last.counter)) {
        advanceTo(parts.ms, parts.counter);
      }
    },
    latest() {
      return formatHlc(last);
    },
  };
}
