/**
 * The one small printing interface (docs/badges.md "Printing"): list the OS's printers and send a PDF
 * to one of them at its exact size, without a dialog. CUPS on Linux and macOS; Windows behind the
 * same interface.
 */
export interface PrinterInfo {
  name: string;
  isDefault: boolean;
  /** What the OS says about it, e.g. "idle", "disabled". */
  state: string;
}

export interface PrintJob {
  printer: string;
  /** Page size in millimetres; the printer gets exactly this media, with no scaling. */
  media: { widthMm: number; heightMm: number };
  copies: number;
  /** Job title shown in the OS queue; never personal data. */
  title?: string;
}

export interface PrintResult {
  /** The spooler's job id, e.g. "MusubiPDF-12". */
  jobId: string;
}

export interface Printer {
  listPrinters(): Promise<PrinterInfo[]>;
  /** Sends the PDF file; throws MusubiError('print-failed', reason) when the OS refuses it. */
  print(file: string, job: PrintJob): Promise<PrintResult>;
  /**
   * Sends the PDF's bytes without a file, where the printing can (CUPS over IPP); the same
   * answers and failures as `print`. Without it, `printBytes` (print-bytes.ts) writes a file.
   */
  printBytes?(pdf: Uint8Array, job: PrintJob): Promise<PrintResult>;
}
