import { MusubiError } from '../../../shared/errors';
import type { Printer, PrinterInfo, PrintResult } from './printer';

/**
 * Windows is not supported yet: the plan is a maintained package (pdf-to-printer, which wraps
 * SumatraPDF's silent printing) behind this interface. It cannot be built or tested on the Linux
 * build machines, so for now every call fails with a clear reason that staff see.
 */
export class WindowsPrinter implements Printer {
  listPrinters(): Promise<PrinterInfo[]> {
    return Promise.resolve([]);
  }

  print(): Promise<PrintResult> {
    return Promise.reject(new MusubiError('print-failed', 'Printing is not supported yet on Windows.', 'printer', { reason: 'printing-unsupported' }));
  }
}
