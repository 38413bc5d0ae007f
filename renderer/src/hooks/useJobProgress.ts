import { useState } from 'react';
import { JOB_STEPS, type JobProgress } from '../../../shared/api/methods/jobs';
import { newId } from '../../../shared/domain/ids';
import { useApi } from '../api/context';

/** How often a waiting screen asks how far its job has got. */
const POLL_MS = 300;

/**
 * Follows a long job (an export, a badge batch) this screen starts: `follow` makes up the job's
 * id, hands it to `work` (which passes it with the request) and asks `jobProgress` while it waits;
 * `progress` is what the bar shows, null when nothing runs.
 */
export function useJobProgress(): { progress: JobProgress | null; follow: <T>(work: (progressId: string) => Promise<T>) => Promise<T> } {
  const api = useApi();
  const [progress, setProgress] = useState<JobProgress | null>(null);

  async function follow<T>(work: (progressId: string) => Promise<T>): Promise<T> {
    const progressId = newId();
    let waiting = true;
    setProgress({ state: 'running', step: 'starting', done: 0, steps: JOB_STEPS.length });
    void (async () => {
      while (waiting) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        if (!waiting) return;
        try {
          const latest = await api.jobProgress({ progressId });
          if (waiting && latest.state === 'running') setProgress(latest);
        } catch {
          // A missed poll only leaves the bar where it was; the job's own answer decides.
        }
      }
    })();
    try {
      return await work(progressId);
    } finally {
      waiting = false;
      setProgress(null);
    }
  }

  return { progress, follow };
}
