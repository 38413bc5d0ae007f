import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Font } from 'fontkit';
import type PDFDocument from 'pdfkit';
import { fontkit } from './pdf-libraries';

/**
 * The bundled Japanese font (Noto Sans JP, SIL OFL 1.1, from the @expo-google-fonts/noto-sans-jp
 * package). Each weight is read into memory once per process and handed to pdfkit as a Buffer:
 * registering by path re-reads ~5 MB per document. pdfkit embeds only the glyphs a document uses
 * (a subset), so a badge PDF stays small.
 */
export type FontWeight = 'regular' | 'bold';

const FILES: Record<FontWeight, string> = {
  regular: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
};

/** pdfkit's registerFont name for each weight. */
export const FONT_NAMES: Record<FontWeight, string> = { regular: 'NotoSansJP', bold: 'NotoSansJP-Bold' };

const require = createRequire(import.meta.url);
const buffers = new Map<FontWeight, Buffer>();
const parsed = new Map<FontWeight, Font>();

export function japaneseFont(weight: FontWeight = 'regular'): Buffer {
  let buffer = buffers.get(weight);
  if (!buffer) {
    buffer = fs.readFileSync(require.resolve(FILES[weight]));
    buffers.set(weight, buffer);
  }
  return buffer;
}

const reading = new Map<FontWeight, Promise<Buffer>>();

/**
 * The whole file in one read on a libuv thread. fs.promises.readFile reads in 512 KB chunks and
 * needs this thread between chunks, so while it is busy (loading pdfkit) a read barely advances;
 * a single read of the known size runs to the end on its own.
 */
function readWholeFile(file: string): Promise<Buffer> {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(fs.fstatSync(fd).size);
  return new Promise<Buffer>((resolve, reject) => {
    const readFrom = (offset: number): void => {
      fs.read(fd, buffer, offset, buffer.length - offset, offset, (error, bytes) => {
        if (error || bytes === 0 || offset + bytes === buffer.length) {
          fs.close(fd, () => undefined);
          if (error) reject(error);
          else resolve(bytes === 0 ? buffer.subarray(0, offset) : buffer);
          return;
        }
        readFrom(offset + bytes);
      });
    };
    readFrom(0);
  });
}

/**
 * Reads both weights into memory without blocking: the two ~5 MB reads run on libuv's threads,
 * side by side, while the caller goes on (e.g. loading pdfkit). Later calls resolve at once.
 */
export async function loadJapaneseFonts(): Promise<void> {
  await Promise.all(
    (Object.keys(FILES) as FontWeight[]).map(async (weight) => {
      if (buffers.has(weight)) return;
      let pending = reading.get(weight);
      if (!pending) {
        pending = readWholeFile(require.resolve(FILES[weight]));
        reading.set(weight, pending);
      }
      const buffer = await pending;
      if (!buffers.has(weight)) buffers.set(weight, buffer);
    }),
  );
}

function parsedFont(weight: FontWeight): Font {
  let font = parsed.get(weight);
  if (!font) {
    font = fontkit().create(japaneseFont(weight)) as Font;
    parsed.set(weight, font);
  }
  return font;
}

/** Registers both weights on a pdfkit document (from memory). */
export function registerJapaneseFonts(doc: InstanceType<typeof PDFDocument>): void {
  doc.registerFont(FONT_NAMES.regular, japaneseFont('regular'));
  doc.registerFont(FONT_NAMES.bold, japaneseFont('bold'));
}

/**
 * Characters of `text` the font cannot draw (they would print as tofu □). pdfkit has no font
 * fallback, so callers report these instead of printing them silently. White space is ignored.
 */
export function missingCharacters(text: string, weight: FontWeight = 'regular'): string[] {
  const font = parsedFont(weight);
  const missing = new Set<string>();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (/\s/.test(char) || code < 0x20) continue;
    // Variation selectors (e.g. 葛󠄀) attach to the previous character and need no glyph of their own.
    if ((code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef)) continue;
    if (!font.hasGlyphForCodePoint(code)) missing.add(char);
  }
  return [...missing];
}

const widthCache = new Map<string, number>();

/**
 * Advance width of `text` at `size` points, as pdfkit will set it. Widths scale linearly with the
 * size, so each (weight, text) is shaped once per process at 1 pt and cached: fitting a name tries
 * many sizes, and a 1,000-badge sheet repeats the same labels on every badge.
 */
export function textWidth(text: string, size: number, weight: FontWeight = 'regular'): number {
  const key = `${weight}\u0000${text}`;
  let unit = widthCache.get(key);
  if (unit === undefined) {
    const font = parsedFont(weight);
    unit = font.layout(text).advanceWidth / font.unitsPerEm;
    if (widthCache.size > 50_000) widthCache.clear();
    widthCache.set(key, unit);
  }
  return unit * size;
}

/**
 * Like registerJapaneseFonts, but hands pdfkit the already-parsed fontkit fonts shared by the
 * whole process. Registering a Buffer makes pdfkit parse the 5 MB font again (tables, glyph
 * index) for every document; a parsed font keeps its caches, which takes a badge from ~20 ms to a
 * few. pdfkit accepts a fontkit font wherever it accepts font bytes (it checks for `layout`), but
 * its type declarations only list bytes and paths, hence the cast.
 */
export function registerParsedJapaneseFonts(doc: InstanceType<typeof PDFDocument>): void {
  for (const weight of ['regular', 'bold'] as const) {
    doc.registerFont(FONT_NAMES[weight], parsedFont(weight) as unknown as Buffer);
  }
}
