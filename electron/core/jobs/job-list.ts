import { z } from 'zod';
import type { BackupInfo } from '../../../shared/api/methods/data-safety';
import { exportOptionsSchema } from '../../../shared/api/methods/export';
import type { JobStep } from '../../../shared/api/methods/jobs';
import { BADGE_SIZES } from '../../../shared/domain/settings';
import { MusubiError, type ApiErrorShape } from '../../../shared/errors';
import { copyDatabase } from '../backup/backup';
import { listAttendeesForBadges } from '../badges/attendees-to-print';
import { renderBadges } from '../badges/badge-pdf';
import { renderLegend } from '../badges/legend';
import type { Db } from '../db/types';
import { buildAttendanceExport, type BuiltExport } from '../export/attendance-export';
import { readSettings } from '../settings/queries';

/**
 * The work that reads a lot and may run in a worker thread on its own read-only connection
 * (run-job.ts). Each job checks its input with zod (it crosses a thread), only reads `db`, and
 * names its steps; what it writes is a file it was told to write, never the database. Its answer
 * is what the service needs to finish on the serving connection (bookkeeping in `meta`).
 */
interface JobDefinition<I extends z.ZodType, O> {
  input: I;
  run(db: Db, input: z.output<I>, step: (step: JobStep) => void): Promise<O>;
}

const job = <I extends z.ZodType, O>(definition: JobDefinition<I, O>): JobDefinition<I, O> => definition;

export const JOBS = {
  /** The attendance export in any format (the PDF roster included). */
  export: job({
    input: z.object({ options: exportOptionsSchema, now: z.string().datetime() }),
    run: (db, { options, now }, step): Promise<BuiltExport> => buildAttendanceExport(db, options, new Date(now), step),
  }),

  /** Every attendee's badge in one PDF. */
  badges: job({
    input: z.object({ size: z.enum(BADGE_SIZES), ticketQr: z.boolean(), attendeeIds: z.array(z.string()).optional() }),
    run: async (db, { size, ticketQr, attendeeIds }, step): Promise<{ pdf: Buffer; count: number }> => {
      const only = attendeeIds && new Set(attendeeIds);
      const attendees = listAttendeesForBadges(db).filter((attendee) => !only || only.has(attendee.id));
      const settings = readSettings(db);
      step('building');
      const { pdf } = await renderBadges(attendees, settings, size, { ticketQr });
      return { pdf, count: attendees.length };
    },
  }),

  /** The venue poster. */
  legend: job({
    input: z.object({ paper: z.enum(['a4', 'a3']) }),
    run: async (db, { paper }, step): Promise<{ pdf: Buffer }> => {
      const settings = readSettings(db);
      step('building');
      return { pdf: await renderLegend(settings, paper) };
    },
  }),

  /** A consistent copy of the database, written aside and renamed when complete. */
  backup: job({
    input: z.object({ destination: z.string().min(1) }),
    run: (db, { destination }, step): Promise<BackupInfo> => {
      step('building');
      return copyDatabase(db, destination, { wholeInOneStep: !db.memory });
    },
  }),
};

export type JobName = keyof typeof JOBS;
export type JobInput<N extends JobName> = z.input<(typeof JOBS)[N]['input']>;
export type JobResult<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]['run']>>;

/** What the service sends a worker. */
export interface JobRequest {
  file: string;
  name: JobName;
  input: unknown;
}

/** What a worker sends back: steps as it goes, then its answer or its error. */
export type JobMessage =
  | { type: 'step'; step: JobStep }
  | { type: 'result'; result: unknown }
  | { type: 'error'; error: ApiErrorShape };

/** Checks a job's input and runs it on `db` (in a worker, or inline for an in-memory database). */
export async function runJobOn<N extends JobName>(db: Db, name: N, input: unknown, step: (step: JobStep) => void): Promise<JobResult<N>> {
  const definition = JOBS[name] as unknown as JobDefinition<z.ZodType, JobResult<N>> | undefined;
  if (!definition) throw new MusubiError('internal', `No background job named ${String(name)}.`);
  const parsed = definition.input.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // The service built this input: a mistake here is Musubi's, not the caller's.
    throw new MusubiError('internal', `The ${name} job's input is not valid: ${issue?.message ?? 'unknown problem'}`, issue?.path.join('.'));
  }
  return definition.run(db, parsed.data, step);
}
