import './job-progress.css';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/api/methods/jobs';

/** The bar under a button whose job runs in the station's background: the step it is at, of how many. */
export function JobProgressBar({ progress }: { progress: JobProgress | null }) {
  const { t } = useTranslation();
  if (!progress) return null;
  const step = t(`jobs.steps.${progress.step}`);
  const label = t('jobs.stepOf', { step, done: Math.min(progress.done + 1, progress.steps), steps: progress.steps });
  return (
    <div className="job-progress" data-testid="job-progress">
      <progress value={progress.done + 0.5} max={progress.steps} aria-label={label} />
      <p className="job-progress-label" aria-live="polite">
        {label}
        <span className="hint">{t('jobs.doorKeepsWorking')}</span>
      </p>
    </div>
  );
}
