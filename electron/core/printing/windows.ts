import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MusubiError } from '../../../shared/errors';
import type { Printer, PrinterInfo, PrintJob, PrintResult } from './printer';
import { missingPrinterMessage } from './station-print-settings';

/**
 * Printing on Windows through pdf-to-printer, which drives the SumatraPDF binary it ships in its
 * npm package: silent printing to a named printer, no dialog. Loaded at run time from
 * node_modules (not bundled), so the CLI and the desktop app run the same code and the binary is
 * found next to it; in the packaged app that binary sits in app.asar.unpacked, because Windows
 * cannot start a program from inside an asar archive.
 */

/** The options pdf-to-printer takes (its PrintOptions, the part used here). */
export interface SumatraPrintOptions {
  printer: string;
  copies: number;
  scale: 'noscale';
  paperSize?: string;
  silent: true;
  sumatraPdfPath: string;
}

/** Paper sizes SumatraPDF knows by name, in millimetres (either orientation). */
const NAMED_PAPER: { name: string; shortMm: number; longMm: number }[] = [
  { name: 'A4', shortMm: 210, longMm: 297 },
  { name: 'A5', shortMm: 148, longMm: 210 },
  { name: 'A6', shortMm: 105, longMm: 148 },
];

function namedPaper(media: PrintJob['media']): string | undefined {
  const short = Math.min(media.widthMm, media.heightMm);
  const long = Math.max(media.widthMm, media.heightMm);
  return NAMED_PAPER.find((paper) => Math.abs(paper.shortMm - short) < 0.5 && Math.abs(paper.longMm - long) < 0.5)?.name;
}

/**
 * The badge at its exact size: `noscale` prints the PDF page at 100 %, never fitted or shrunk.
 * A size SumatraPDF knows by name (A6) is asked for by name; a label size (a 91×55 card, a 62 mm
 * roll) has no name there, so the printer's own paper is used, which for a label printer is its
 * loaded label (README: set it once in the printer's preferences). No orientation is forced:
 * SumatraPDF turns the landscape badge onto portrait-fed labels, as CUPS does.
 */
export function sumatraPrintOptions(job: PrintJob, sumatraPdfPath: string): SumatraPrintOptions {
  const paperSize = namedPaper(job.media);
  return {
    printer: job.printer,
    copies: job.copies,
    scale: 'noscale',
    ...(paperSize ? { paperSize } : {}),
    silent: true,
    sumatraPdfPath,
  };
}

/** A file inside app.asar as the OS sees it: the unpacked copy beside the archive. */
export function outsideAsar(file: string): string {
  return file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** The SumatraPDF binary inside the installed pdf-to-printer package (its name carries a version). */
export function findSumatraPdf(packageDir: string, list: (dir: string) => string[] = (dir) => fs.readdirSync(dir)): string {
  const dist = path.join(packageDir, 'dist');
  const exe = list(dist).find((name) => /^SumatraPDF.*\.exe$/i.test(name));
  if (!exe) throw new MusubiError('print-failed', 'The Windows printing program (SumatraPDF) is missing from this installation.', 'pdf-to-printer');
  return outsideAsar(path.join(dist, exe));
}

/** The part of pdf-to-printer used here; tests pass a stand-in with the same shape. */
export interface PdfToPrinter {
  print(pdf: string, options: SumatraPrintOptions): Promise<void>;
  getPrinters(): Promise<{ name: string }[]>;
  getDefaultPrinter(): Promise<{ name: string } | null>;
}

function loadPdfToPrinter(): { driver: PdfToPrinter; packageDir: string } {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('pdf-to-printer/package.json'));
  return { driver: require('pdf-to-printer') as PdfToPrinter, packageDir };
}

export class WindowsPrinter implements Printer {
  private loaded: { driver: PdfToPrinter; sumatra: () => string } | undefined;

  constructor(private readonly load: () => { driver: PdfToPrinter; packageDir: string } = loadPdfToPrinter) {}

  private pdfToPrinter(): { driver: PdfToPrinter; sumatra: () => string } {
    if (!this.loaded) {
      const { driver, packageDir } = this.load();
      this.loaded = { driver, sumatra: () => findSumatraPdf(packageDir) };
    }
    return this.loaded;
  }

  async listPrinters(): Promise<PrinterInfo[]> {
    const { driver } = this.pdfToPrinter();
    try {
      const [printers, fallback] = await Promise.all([driver.getPrinters(), driver.getDefaultPrinter()]);
      return printers.map(({ name }) => ({ name, isDefault: name === fallback?.name, state: 'ready' }));
    } catch (error) {
      throw new MusubiError('print-failed', `Could not list printers: ${(error as Error).name}`, 'Win32_Printer');
    }
  }

  async print(file: string, job: PrintJob): Promise<PrintResult> {
    const { driver, sumatra } = this.pdfToPrinter();
    // SumatraPDF given a printer that is gone may print to another one; refuse with the reason instead.
    const missing = missingPrinterMessage(job.printer, await this.listPrinters());
    if (missing) throw new MusubiError('print-failed', missing, `printer ${job.printer}`);
    try {
      await driver.print(file, sumatraPrintOptions(job, sumatra()));
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new MusubiError('print-failed', `Windows did not accept the print job${typeof code === 'number' ? ` (exit code ${code})` : ''}.`, `printer ${job.printer}`);
    }
    // The Windows spooler gives SumatraPDF no job id back.
    return { jobId: '' };
  }
}
