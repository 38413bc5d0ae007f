import type { exportMethods } from '../../../shared/api/methods/export';
import { toExportFile } from '../export/attendance-export';
import { recordExport } from '../export/export-record';
import type { JobBoard } from '../jobs/job-board';
import { asBuffer, runJob } from '../jobs/run-job';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/**
 * The attendance export, delivered as bytes for a browser download. It is built in a worker
 * thread on a read-only connection (electron/core/jobs), so the desk keeps answering meanwhile.
 */
export function createExportApi(ctx: ServiceContext, jobs: JobBoard): TopicImpl<keyof typeof exportMethods> {
  const { db, wallClock } = ctx;
  return {
    exportAttendance: (options) =>
      jobs.track(options.progressId, async (onStep) => {
        const now = new Date(wallClock());
        const { seq, ...built } = await runJob(db, 'export', { options, now: now.toISOString() }, onStep);
        onStep('finishing');
        // The export is noted in `meta` (it unlocks the purge), on this connection: a write open
        // screens must see. It covers the log as far as the worker read it.
        ctx.write(() => recordExport(db, options, now, seq), ['data-safety']);
        return toExportFile({ ...built, bytes: asBuffer(built.bytes) });
      }),
  };
}
