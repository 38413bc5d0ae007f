import { foldKanjiVariants } from './kanji-variants';

/**
 * Search normalisation, applied once at write time and to every query (docs/decisions.md "Search is an in-memory index per database"):
 * NFKC folds full/half width (ﾔﾏﾀﾞ → ヤマダ, ＡＢＣ → abc), katakana becomes hiragana, variant kanji
 * fold to their common form (髙 → 高), and case, white space and hyphens stop mattering (a ticket
 * code is typed with or without its hyphens).
 */
const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KANA_OFFSET = 0x60;

const HAS_KATAKANA = new RegExp(`[${String.fromCharCode(KATAKANA_START)}-${String.fromCharCode(KATAKANA_END)}]`);

/** One pass over the code units (a replace callback per character allocated far more). */
export function katakanaToHiragana(text: string): string {
  if (!HAS_KATAKANA.test(text)) return text;
  // Spreading is bounded by the engine's argument limit; long text goes piece by piece.
  if (text.length > 8192) return katakanaToHiragana(text.slice(0, 8192)) + katakanaToHiragana(text.slice(8192));
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    codes[i] = code >= KATAKANA_START && code <= KATAKANA_END ? code - KANA_OFFSET : code;
  }
  return String.fromCharCode(...codes);
}

/**
 * White space, control characters and the dashes people put in ticket codes and phone numbers
 * (not the kana long mark ー).
 */
// eslint-disable-next-line no-control-regex
const IGNORED = /[\s\u0000-\u001f\u3000\-‐‑‒–—―−﹣－]+/g;

/** Width, case, kana and variant folding, keeping white space. */
function fold(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  return foldKanjiVariants(katakanaToHiragana(text.normalize('NFKC').toLowerCase()));
}

/** Printable ASCII: NFKC, kana and variant folding change nothing there, so skip them (much faster). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function normalizeForSearch(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(IGNORED, '');
  return fold(text).replace(IGNORED, '');
}

/** A name normalised as a whole, and word by word (for "starts with" matches on each word). */
export function normalizedWithWords(text: string): { whole: string; words: string[] } {
  const folded = fold(text);
  return {
    whole: folded.replace(IGNORED, ''),
    words: folded
      .split(/[\s・,]+/)
      .map((word) => word.replace(IGNORED, ''))
      .filter((word) => word !== ''),
  };
}
