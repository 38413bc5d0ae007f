import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Printer, PrintJob, PrintResult } from './printer';

/** Writes the PDF to a private temporary file, hands it to `use`, and removes it afterwards. */
export async function withTempPdf<T>(pdf: Uint8Array, use: (file: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'musubi-print-'));
  const file = path.join(dir, 'badge.pdf');
  try {
    await fs.writeFile(file, pdf, { mode: 0o600 });
    return await use(file);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * Sends a PDF held in memory: as bytes to a printer that takes them (CUPS over IPP), else as a
 * temporary file (lp, Windows, a test's printer).
 */
export function printBytes(printer: Printer, pdf: Uint8Array, job: PrintJob): Promise<PrintResult> {
  return printer.printBytes ? printer.printBytes(pdf, job) : withTempPdf(pdf, (file) => printer.print(file, job));
}
