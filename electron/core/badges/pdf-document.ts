import { loadJapaneseFonts, registerParsedJapaneseFonts } from '../pdf/japanese-font';
import { pdfkit, type PdfDocumentClass } from '../pdf/pdf-libraries';

export type Doc = InstanceType<PdfDocumentClass>;

/**
 * Gets everything a first PDF needs into memory, overlapping the font reads (disk, other threads)
 * with loading pdfkit and fontkit (this thread). Call before the first `newPdf`; cheap afterwards.
 */
export async function loadPdfRendering(): Promise<void> {
  const fonts = loadJapaneseFonts();
  pdfkit();
  await fonts;
}

/** A new PDF with the bundled fonts registered (from memory; pdfkit embeds only used glyphs). */
export function newPdf(title: string): Doc {
  // font: '' skips pdfkit's default Helvetica, which parses its AFM metrics for every document.
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: true, font: '', info: { Title: title, Creator: 'Musubi' } });
  registerParsedJapaneseFonts(doc);
  return doc;
}

/** Ends the document and collects its bytes. */
export function finishPdf(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
