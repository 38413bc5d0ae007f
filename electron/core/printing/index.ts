import { CupsPrinter } from './cups';
import type { Printer } from './printer';
import { WindowsPrinter } from './windows';

export type { Printer, PrinterInfo, PrintJob, PrintResult } from './printer';

/** The OS's printing: CUPS on Linux and macOS, the Windows implementation on Windows. */
export function systemPrinter(platform: NodeJS.Platform = process.platform): Printer {
  return platform === 'win32' ? new WindowsPrinter() : new CupsPrinter();
}
