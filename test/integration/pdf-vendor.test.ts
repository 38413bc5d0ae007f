import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../electron/core/badges/pdf-document';
import { pdfkit } from '../../electron/core/pdf/pdf-libraries';
import { pdfFonts, pdfText } from '../helpers/pdf-tools';
import { tempDir } from '../helpers/temp';

// pdfkit comes from the pdf-vendor bundle (electron/core/pdf/vendor/build.ts), where its AES and
// line-breaking dependencies load on first use and its own data files are found in node_modules.
// The PDFs that use those parts must come out as usable as from pdfkit itself.
describe('pdfkit from the pdf-vendor bundle', () => {
  const write = async (name: string, doc: InstanceType<ReturnType<typeof pdfkit>>): Promise<string> => {
    const file = path.join(tempDir('musubi-pdf-vendor-'), name);
    fs.writeFileSync(file, await finishPdf(doc));
    return file;
  };

  it('wraps long text at word boundaries (linebreak) in its standard Helvetica font', async () => {
    const PDFDocument = pdfkit();
    const doc = new PDFDocument({ size: 'A6', margin: 20 });
    doc.fontSize(12).text('Musubi prints badges for networking events and wraps this sentence over several lines.', { width: 120 });
    const file = await write('wrapped.pdf', doc);
    const lines = pdfText(file).split('\n').map((line) => line.trim()).filter(Boolean);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('Musubi prints badges for networking events');
    expect(pdfFonts(file).map((font) => font.name)).toContain('Helvetica');
  });

  it('encrypts with a password (AES)', async () => {
    const PDFDocument = pdfkit();
    const doc = new PDFDocument({ size: 'A6', userPassword: 'kaijou', pdfVersion: '1.7' });
    doc.fontSize(12).text('Staff only');
    const file = await write('locked.pdf', doc);
    expect(() => execFileSync('pdftotext', [file, '-'], { stdio: 'pipe' })).toThrow();
    expect(execFileSync('pdftotext', ['-upw', 'kaijou', file, '-'], { encoding: 'utf8' })).toContain('Staff only');
  });

  it('embeds the sRGB colour profile of a PDF/A document', async () => {
    const PDFDocument = pdfkit();
    const doc = new PDFDocument({ size: 'A6', subset: 'PDF/A-1b', pdfVersion: '1.4', font: '' });
    doc.addPage().rect(10, 10, 50, 50).fill('#ff0000');
    const file = await write('archive.pdf', doc);
    // pdfkit reads the profile from its own data folder; a wrong path would have thrown.
    expect(fs.readFileSync(file).includes('/DestOutputProfile')).toBe(true);
  });
});
