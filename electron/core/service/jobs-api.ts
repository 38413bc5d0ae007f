import type { jobMethods } from '../../../shared/api/methods/jobs';
import type { JobBoard } from '../jobs/job-board';
import type { TopicImpl } from './types';

/** How far a background job a screen started has got (steps only, no personal data). */
export function createJobsApi(jobs: JobBoard): TopicImpl<keyof typeof jobMethods> {
  return {
    jobProgress: ({ progressId }) => jobs.progress(progressId),
  };
}
