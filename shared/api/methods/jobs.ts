import { z } from 'zod';
import { method, returns } from '../method';

/**
 * How far a long job (an export, a badge batch) has got, for the screen that asked. The screen
 * makes up the id (a UUID), passes it with its request and polls while it waits; the answer names
 * only steps and counts, never a person.
 */
export const progressIdSchema = z.string().uuid();

/** The steps every background job goes through, in order. */
export const JOB_STEPS = ['starting', 'reading', 'building', 'finishing'] as const;
export type JobStep = (typeof JOB_STEPS)[number];

export interface JobProgress {
  /** `unknown`: no job with this id has started here yet (or it finished long ago). */
  state: 'running' | 'done' | 'failed' | 'unknown';
  step: JobStep;
  /** Steps finished so far, out of `steps`: what a progress bar shows. */
  done: number;
  steps: number;
}

export const jobMethods = {
  jobProgress: method(z.object({ progressId: progressIdSchema }), returns<JobProgress>(), { roles: ['organizer'] }),
};
