import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';

/**
 * pdfkit and fontkit, loaded on first use and through their CommonJS builds.
 *
 * On first use: they are the heaviest modules of the app (~1 MB of JavaScript plus Unicode tables
 * decompressed at import), and most launches print no badge in their first second — a station
 * answers requests first and warms them in the background (`warmBadgeRendering`).
 *
 * CommonJS: pdfkit's ES-module build imports its CommonJS dependencies (linebreak, png-js,
 * restructure, …), and Node must then scan each of those sources for its export names before it can
 * link them (cjs-module-lexer, ~100 ms of a fresh process here). `require` skips that scan, and
 * with it fontkit is one instance for pdfkit and for our own font parsing.
 */
const require = createRequire(import.meta.url);

export type PdfDocumentClass = typeof PDFDocument;
export type FontkitModule = typeof Fontkit;

export function pdfkit(): PdfDocumentClass {
  return require('pdfkit') as PdfDocumentClass;
}

export function fontkit(): FontkitModule {
  return require('fontkit') as FontkitModule;
}
