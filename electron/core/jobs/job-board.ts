import { JOB_STEPS, type JobProgress, type JobStep } from '../../../shared/api/methods/jobs';

/** Finished jobs are remembered this long, so a screen polling a little late still sees the end. */
const KEEP_FINISHED_MS = 10 * 60_000;
/** At most this many jobs are remembered (the oldest are forgotten first). */
const KEEP_AT_MOST = 200;

const UNKNOWN: JobProgress = { state: 'unknown', step: 'starting', done: 0, steps: JOB_STEPS.length };

/**
 * The station's progress of background jobs by the id their screen made up: steps and counts
 * only, never a person, read by the organizer's `jobProgress`.
 */
export class JobBoard {
  private readonly jobs = new Map<string, { progress: JobProgress; finishedAt?: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Follows `work` under `progressId` (when the screen gave one) from its start to its end. */
  async track<T>(progressId: string | undefined, work: (onStep: (step: JobStep) => void) => Promise<T>): Promise<T> {
    if (progressId === undefined) return work(() => undefined);
    this.forgetOld();
    const set = (state: JobProgress['state'], step: JobStep, done = JOB_STEPS.indexOf(step)): void => {
      this.jobs.delete(progressId);
      this.jobs.set(progressId, { progress: { state, step, done, steps: JOB_STEPS.length }, finishedAt: state === 'running' ? undefined : this.clock() });
    };
    set('running', 'starting');
    try {
      const result = await work((step) => set('running', step));
      set('done', 'finishing', JOB_STEPS.length);
      return result;
    } catch (error) {
      const step = this.jobs.get(progressId)?.progress.step ?? 'starting';
      set('failed', step);
      throw error;
    }
  }

  progress(progressId: string): JobProgress {
    return this.jobs.get(progressId)?.progress ?? UNKNOWN;
  }

  private forgetOld(): void {
    const now = this.clock();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== undefined && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
    // Map order is insertion order: the first ones are the oldest.
    for (const id of this.jobs.keys()) {
      if (this.jobs.size < KEEP_AT_MOST) break;
      this.jobs.delete(id);
    }
  }
}
