import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';

/**
 * pdfkit, fontkit and qrcode, loaded from node_modules on first use rather than at import: they
 * are the heaviest modules of the app (~1 MB of JavaScript plus Unicode tables decoded at load),
 * and most launches print no badge in their first second. A station and the desktop app load them
 * in the background right after they start answering (electron/core/warm-up.ts), so the first
 * check-in's badge does not wait for them.
 *
 * Loaded with a plain require from the installed packages (never bundled: pdfkit reads its own
 * data files next to its source), so fontkit is the one instance pdfkit draws with and our own
 * font code (japanese-font.ts) parses with.
 */
const require = createRequire(import.meta.url);

export type PdfDocumentClass = typeof PDFDocument;
export type FontkitModule = typeof Fontkit;

/** The part of the `qrcode` package badges use: the symbol's module matrix. */
export interface QrEncoder {
  create(segments: { data: Uint8Array; mode: 'byte' }[], options: { errorCorrectionLevel: 'M' }): {
    modules: { size: number; data: Uint8Array };
  };
}

let pdfDocument: PdfDocumentClass | undefined;
let fontkitModule: FontkitModule | undefined;
let qrcode: QrEncoder | undefined;

export function pdfkit(): PdfDocumentClass {
  return (pdfDocument ??= require('pdfkit') as PdfDocumentClass);
}

export function fontkit(): FontkitModule {
  return (fontkitModule ??= require('fontkit') as FontkitModule);
}

export function qrEncoder(): QrEncoder {
  return (qrcode ??= require('qrcode') as QrEncoder);
}
