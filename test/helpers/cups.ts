import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdfInfo } from './pdf-tools';

/** The cups-pdf queue the print tests use (.ci/setup.d/cups-pdf.sh makes it). */
export const TEST_QUEUE = process.env.MUSUBI_TEST_PRINTER ?? 'MusubiPDF';

/** Where cups-pdf writes this user's jobs. */
export const CUPS_PDF_DIR = process.env.MUSUBI_CUPS_PDF_DIR ?? path.join('/var/spool/cups-pdf', os.userInfo().username);

/**
 * Waits for cups-pdf's file for a job id such as "MusubiPDF-12" (it names files
 * "<title>-job_<n>.pdf"), and until poppler can read it: cups-pdf writes the file, then finishes it.
 */
export async function printedFile(jobId: string, timeoutMs = 60_000): Promise<string> {
  const job = /-(\d+)$/.exec(jobId)?.[1];
  if (!job) throw new Error(`not a CUPS job id: ${jobId}`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const name = fs.existsSync(CUPS_PDF_DIR) ? fs.readdirSync(CUPS_PDF_DIR).find((f) => f.endsWith(`-job_${job}.pdf`)) : undefined;
    if (name) {
      const file = path.join(CUPS_PDF_DIR, name);
      try {
        pdfInfo(file);
        return file;
      } catch {
        /* still being written */
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`cups-pdf wrote no PDF for job ${jobId} in ${CUPS_PDF_DIR} (see /var/log/cups/error_log)`);
}

/**
 * Fails (never skips) when the test queues are missing, saying how to create them. Used in
 * beforeEach, so each print test counts as failed in the report rather than skipped.
 */
export function requireTestQueues(): void {
  for (const queue of [TEST_QUEUE, `${TEST_QUEUE}Stopped`]) {
    try {
      execFileSync('lpstat', ['-p', queue], { stdio: 'pipe' });
    } catch {
      throw new Error(`The CUPS queue "${queue}" is missing. Create it with: sudo bash .ci/setup.d/cups-pdf.sh`);
    }
  }
}
