import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG, type PngImage } from 'pngjs';

/**
 * Real image files for the logo tests: a PNG drawn pixel by pixel (pngjs encodes it) and a JPEG
 * made by poppler from a PDF page, and PNGs read back from pdftoppm.
 */

/** A `width`×`height` RGBA PNG: a coloured disc on a transparent ground, with a bar across. */
export function drawLogoPng(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inDisc = (x - height / 2) ** 2 + (y - height / 2) ** 2 < (height * 0.45) ** 2;
      const inBar = y > height * 0.4 && y < height * 0.6 && x > height;
      if (inDisc) data.set([0xd5, 0x2b, 0x1e, 255], i);
      else if (inBar) data.set([0x1a, 0x3a, 0x8a, 255], i);
    }
  }
  return PNG.sync.write({ width, height, data });
}

/** A JPEG: pdftoppm's rendering of the first page of `pdf`. */
export function jpegOf(pdf: Buffer, dpi = 40): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-jpeg-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-jpeg', '-r', String(dpi), '-singlefile', path.join(dir, 'in.pdf'), path.join(dir, 'out')]);
    return fs.readFileSync(path.join(dir, 'out.jpg'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders page 1 of `file` with `pdftoppm -png` and writes the PNG beside it; returns its path. */
export function renderPng(file: string, dpi = 150): string {
  const base = file.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', file, base]);
  return `${base}.png`;
}

export function readPng(file: string): PngImage {
  return PNG.sync.read(fs.readFileSync(file));
}
