import { execFileSync } from 'node:child_process';

/** The cups-pdf queue the print tests use (.ci/setup.d/cups-pdf.sh makes it). */
export const TEST_QUEUE = process.env.MUSUBI_TEST_PRINTER ?? 'MusubiPDF';

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
