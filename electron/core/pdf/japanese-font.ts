import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';

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
const parsed = new Map<FontWeight, fontkit.Font>();

export function japaneseFont(weight: FontWeight = 'regular'): Buffer {
  let buffer = buffers.get(weight);
  if (!buffer) {
    buffer = fs.readFileSync(require.resolve(FILES[weight]));
    buffers.set(weight, buffer);
  }
  return buffer;
}

function parsedFont(weight: FontWeight): fontkit.Font {
  let font = parsed.get(weight);
  if (!font) {
    font = fontkit.create(japaneseFont(weight)) as fontkit.Font;
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
