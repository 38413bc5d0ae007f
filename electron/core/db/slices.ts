import { performance } from 'node:perf_hooks';
import { onNextTurn } from './turns';

/**
 * Long writes (imports, large pulls) run in slices so that the desk's requests are answered between them (the door's
 * target: a check-in waiting behind an import is answered within 50 ms). better-sqlite3 is
 * synchronous, so "between" means a turn of the event loop: the next slice waits for a later turn
 * (turns.ts), so every pending request and timer runs first, where `await` of a settled promise
 * would not, and one job's slice never runs straight after another's.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => onNextTurn(resolve));
}

/** How long one slice (one transaction, or one stretch of planning) may hold the thread. */
export const SLICE_TARGET_MS = 12;

/**
 * Sizes chunks of rows so that each takes about `SLICE_TARGET_MS`: a transaction cannot be cut
 * short, so the next one is sized from how long the last took per row (a loaded machine gets
 * smaller chunks, an idle one fewer transactions).
 */
export class ChunkSizer {
  private current: number;

  constructor(
    private readonly min: number,
    private readonly max: number,
    initial: number,
    private readonly targetMs = SLICE_TARGET_MS,
  ) {
    this.current = initial;
  }

  get size(): number {
    return this.current;
  }

  /** Runs `work` (which handles up to `size` rows and returns how many it did) and resizes. */
  run<T extends number>(work: (size: number) => T): T {
    const start = performance.now();
    const done = work(this.current);
    this.observe(done, performance.now() - start);
    return done;
  }

  /**
   * Resizes from a chunk of `done` rows that held the thread for `ms`, for work measured in more
   * than one place (a pulled page: reading the hub's answer, then applying it).
   */
  observe(done: number, ms: number): void {
    if (done > 0 && ms > 0) {
      const ideal = (done / ms) * this.targetMs;
      // Grow slowly, shrink at once: one slow chunk is what the desk notices.
      const next = ideal > this.current ? Math.min(ideal, this.current * 1.5) : ideal;
      this.current = Math.max(this.min, Math.min(this.max, Math.round(next)));
    }
  }
}

/** The deadline of the current slice of work that can stop anywhere (planning rows). */
export class SliceClock {
  private end = 0;

  constructor(private readonly targetMs = SLICE_TARGET_MS) {
    this.restart();
  }

  /** Starts a new slice (after the event loop has had its turn). */
  restart(): void {
    this.end = performance.now() + this.targetMs;
  }

  readonly over = (): boolean => performance.now() >= this.end;

  /** Milliseconds left in the current slice (negative once it is over). */
  readonly left = (): number => this.end - performance.now();
}

/**
 * How long a piece of work that ends a slice will take per item (staging a slice's planned rows),
 * from the last ones measured, so that a slice can keep room for it: rises at once, falls slowly
 * (as ChunkSizer, a slow one is what the desk notices). `perItemMs` starts at a guess.
 */
export class CostPerItem {
  constructor(private perItemMs: number) {}

  /** The time `items` are expected to take. */
  expectedMs(items: number): number {
    return items * this.perItemMs;
  }

  /** Runs `work` on `items` items and learns from how long it took. */
  run<T>(items: number, work: () => T): T {
    const start = performance.now();
    const result = work();
    this.observe(items, performance.now() - start);
    return result;
  }

  /** Learns from `items` items that took `ms`. */
  observe(items: number, ms: number): void {
    // A handful of items says more about the timer and the call than about the work.
    if (items < 64) return;
    const observed = ms / items;
    this.perItemMs = observed > this.perItemMs ? observed : (this.perItemMs * 3 + observed) / 4;
  }
}
