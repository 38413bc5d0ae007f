import { execFileSync } from 'node:child_process';

/**
 * Reading PDFs back with poppler-utils, as a person would see them: the text (pdftotext), the
 * fonts (pdffonts), the page size (pdfinfo) and the pixels (pdftoppm, as raw PPM).
 */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The text inside one rectangle of a page, in points from the top-left corner. */
export function pdfTextIn(file: string, box: { x: number; y: number; w: number; h: number }, page = 1): string {
  const args = ['-r', '72', '-f', String(page), '-l', String(page), '-x', String(Math.floor(box.x)), '-y', String(Math.floor(box.y))];
  args.push('-W', String(Math.ceil(box.w)), '-H', String(Math.ceil(box.h)), file, '-');
  return execFileSync('pdftotext', args, { encoding: 'utf8' });
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    // name type… encoding emb sub uni id gen — the yes/no columns are the 3rd to 5th from the end.
    const cells = line.trim().split(/\s+/);
    return { name: cells[0]!, type: cells.slice(1, -6).join(' '), embedded: cells.at(-5) === 'yes', subset: cells.at(-4) === 'yes' };
  });
}

export function pdfInfo(file: string): { pages: number; widthPt: number; heightPt: number } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

export interface Raster {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, row by row. */
  data: Buffer;
  pixel(x: number, y: number): [number, number, number];
}

/** Renders one page to pixels (PPM: a tiny header, then raw RGB). */
export function renderPage(file: string, dpi = 50, page = 1): Raster {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file], {
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not produce a PPM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = ppm.subarray(header[0].length);
  return {
    width,
    height,
    data,
    pixel: (x, y) => {
      const i = (Math.round(y) * width + Math.round(x)) * 3;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    },
  };
}

export function hexColour(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Mean absolute difference per channel (0–255) over the area both images share. */
export function meanDifference(a: Raster, b: Raster): number {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  let sum = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const pa = a.pixel(x, y);
      const pb = b.pixel(x, y);
      sum += Math.abs(pa[0] - pb[0]) + Math.abs(pa[1] - pb[1]) + Math.abs(pa[2] - pb[2]);
    }
  }
  return sum / (width * height * 3);
}
