import PDFDocument from 'pdfkit';
import { registerParsedJapaneseFonts } from '../pdf/japanese-font';

export type Doc = InstanceType<typeof PDFDocument>;

/** A new PDF with the bundled fonts registered (from memory; pdfkit embeds only used glyphs). */
export function newPdf(title: string): Doc {
  // font: '' skips pdfkit's default Helvetica, which parses its AFM metrics for every document.
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
