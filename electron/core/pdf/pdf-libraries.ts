import { createRequire } from 'node:module';
import type * as Fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import { requireWithCodeCache, type CachedModule } from './code-cache';

/**
 * pdfkit, fontkit and qrcode's encoder, loaded on first use from the pdf-vendor bundle
 * (`#pdf-vendor`, built by electron/core/pdf/vendor/build.ts on every `vite build`).
 *
 * On first use: they are the heaviest modules of the app (~1 MB of JavaScript plus Unicode tables
 * decompressed at import), and most launches print no badge in their first second — a station
 * answers requests first and warms them in the background (electron/core/warm-up.ts).
 *
 * From one bundled CommonJS file rather than node_modules: one file to resolve, read and compile
 * instead of ~60, and pdfkit's encryption (AES tables), line breaking (Unicode trie) and fontkit's
 * WOFF2 decoder (Brotli dictionary) are set up when first used rather than at import (a badge uses
 * none of them), and the Unicode tables fontkit needs are decoded by Node's zlib and base64. Sources (CLI, station, tests) and the Electron main load the same file, and
 * fontkit is one instance for pdfkit and for our own font parsing. It is loaded with a code cache
 * that keeps the compiled functions a PDF used (code-cache.ts).
 */
const require = createRequire(import.meta.url);

export type PdfDocumentClass = typeof PDFDocument;
export type FontkitModule = typeof Fontkit;

/** The part of the `qrcode` package badges use: the symbol's module matrix. */
export interface QrEncoder {
  create(segments: { data: Uint8Array; mode: 'byte' }[], options: { errorCorrectionLevel: 'M'; maskPattern: number }): {
    modules: { size: number; data: Uint8Array };
  };
}

interface PdfVendor {
  PDFDocument: PdfDocumentClass;
  fontkit: FontkitModule;
  qrEncoder(): QrEncoder;
}

let vendor: CachedModule<PdfVendor> | undefined;

function pdfVendor(): PdfVendor {
  if (!vendor) {
    let file: string;
    try {
      file = require.resolve('#pdf-vendor');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
      throw new Error('The PDF libraries are not built (dist-electron/pdf-vendor.cjs is missing): run `npm run build`.', { cause: error });
    }
    vendor = requireWithCodeCache<PdfVendor>(file);
  }
  return vendor.exports;
}

/**
 * Called when a PDF is finished: the first time in a process whose code cache for the libraries
 * was missing or stale, it saves one that includes everything that PDF ran (code-cache.ts).
 */
export function pdfLibrariesUsed(): void {
  vendor?.saveCodeCache();
}

export function pdfkit(): PdfDocumentClass {
  return pdfVendor().PDFDocument;
}

export function fontkit(): FontkitModule {
  return pdfVendor().fontkit;
}

/** qrcode's encoder (only the encoder: not its PNG, SVG and terminal renderers). */
export function qrEncoder(): QrEncoder {
  return pdfVendor().qrEncoder();
}
