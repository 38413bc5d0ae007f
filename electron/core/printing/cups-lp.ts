import { execFile } from 'node:child_process';
import { MusubiError, type ErrorReason } from '../../../shared/errors';
import type { Printer, PrinterInfo, PrintJob, PrintResult } from './printer';

interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

function run(command: string, args: string[]): Promise<RunResult> {
  return new Promise((resolve) => {
    // LANG=C: we read the output of lpstat and lp, so it must not be translated.
    execFile(command, args, { env: { ...process.env, LANG: 'C', LC_ALL: 'C' }, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ stdout, stderr: stderr || (error && code === -1 ? error.message : ''), code });
    });
  });
}

/** Millimetres as CUPS media sizes want them: at most two decimals, no trailing zeros. */
function mmText(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** The job's exact page as a CUPS custom media name, e.g. "Custom.91x55mm" (what `lp -o media=` sends too). */
export function cupsMedia(media: PrintJob['media']): string {
  return `Custom.${mmText(media.widthMm)}x${mmText(media.heightMm)}mm`;
}

/** `lp` options for a job: exact custom media, no fit-to-page scaling. */
export function lpArguments(file: string, job: PrintJob): string[] {
  return [
    '-d', job.printer,
    '-n', String(job.copies),
    '-t', job.title ?? 'Musubi badge',
    '-o', `media=${cupsMedia(job.media)}`,
    '-o', 'print-scaling=none',
    '--', file,
  ];
}

/** Which of the spooler's common refusals an `lp` error is (LANG=C keeps its words stable). */
export function lpFailureReason(text: string): ErrorReason | undefined {
  if (/does not exist|unknown destination|not found/i.test(text)) return 'printer-missing';
  if (/not accepting jobs/i.test(text)) return 'printer-not-accepting';
  if (/unable to connect|scheduler is not running|connection refused/i.test(text)) return 'no-spooler';
  return undefined;
}

/**
 * Printing through CUPS's commands: `lpstat` lists queues, `lp` submits jobs. The fallback of
 * `CupsPrinter` (cups.ts) when the scheduler cannot be reached over IPP from here: a remote or
 * encrypted CUPS server, or an unusual set-up that `lp` knows how to reach.
 */
export class LpPrinter implements Printer {
  async listPrinters(): Promise<PrinterInfo[]> {
    const [printers, fallback] = await Promise.all([run('lpstat', ['-p']), run('lpstat', ['-d'])]);
    if (printers.code !== 0 && !/No destinations/i.test(printers.stderr + printers.stdout)) {
      if (printers.code === -1) {
        throw new MusubiError('print-failed', `CUPS is not available: ${printers.stderr.trim()}`, 'lpstat', { reason: 'no-spooler' });
      }
      throw new MusubiError('print-failed', `Could not list printers: ${(printers.stderr || printers.stdout).trim()}`, 'lpstat');
    }
    const defaultName = /destination:\s*(\S+)/.exec(fallback.stdout)?.[1];
    const list: PrinterInfo[] = [];
    for (const line of printers.stdout.split('\n')) {
      const match = /^printer (\S+) (?:is )?(\S+)/.exec(line);
      if (match) list.push({ name: match[1]!, state: match[2]!.replace(/\.$/, ''), isDefault: match[1] === defaultName });
    }
    return list;
  }

  /**
   * A stopped queue (CUPS stops one when the printer reports an error, e.g. out of labels) would
   * accept the job and hold it: at the door that means no badge and no word why. Say it instead.
   */
  private async stoppedQueueError(printer: string): Promise<MusubiError | undefined> {
    const status = await run('lpstat', ['-p', printer]);
    if (status.code !== 0 || !/^printer \S+ disabled/m.test(status.stdout)) return undefined;
    const reason = status.stdout
      .split('\n')
      .filter((line) => /^\s/.test(line) && line.trim())
      .map((line) => line.trim())
      .join(' ');
    return new MusubiError('print-failed', `The printer is stopped${reason ? `: ${reason}` : ''}.`, `printer ${printer}`, {
      reason: 'printer-stopped',
      detail: reason,
    });
  }

  async print(file: string, job: PrintJob): Promise<PrintResult> {
    // The job goes to the spooler at once, with the question whether the queue is stopped asked
    // beside it rather than before it (each is a process start); a job that landed in a stopped
    // queue is taken back out, so it cannot print by surprise once the labels are refilled.
    // `lp` is started first: the job is what the door waits for, and each start takes the thread a moment.
    const [result, stopped] = await Promise.all([run('lp', lpArguments(file, job)), this.stoppedQueueError(job.printer)]);
    if (stopped) {
      const held = /request id is (\S+)/.exec(result.stdout)?.[1];
      if (result.code === 0 && held) await run('cancel', [held]);
      throw stopped;
    }
    if (result.code !== 0) {
      const reason = (result.stderr || result.stdout).trim().replace(/^lp:\s*(Error\s*-\s*)?/i, '') || `lp exited with ${result.code}`;
      const cause = result.code === -1 ? 'no-spooler' : lpFailureReason(reason);
      throw new MusubiError('print-failed', reason, `printer ${job.printer}`, { reason: cause });
    }
    const jobId = /request id is (\S+)/.exec(result.stdout)?.[1] ?? '';
    return { jobId };
  }
}
