import { performance } from 'node:perf_hooks';

/**
 * Long writes (imports, large pulls) run in slices so that the desk's requests are answered between them (the door's
 * target: a check-in waiting behind an import is answered within 50 ms). better-sqlite3 is
 * synchronous, so "between" means a turn of the event loop: `setImmediate` lets every pending
 * request and timer run before the next slice, where `await` of a settled promise would not.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
}
