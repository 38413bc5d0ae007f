/**
 * Search normalisation, applied once at write time and to every query (DESIGN.md "Search"):
 * NFKC folds full/half width (ﾔﾏﾀﾞ → ヤマダ, ＡＢＣ → abc), katakana becomes hiragana, case and
 * white space stop mattering.
 */
const KATAKANA_START = 0x30a1; // ァ
const KATAKANA_END = 0x30f6; // ヶ
const KANA_OFFSET = 0x60;

export function katakanaToHiragana(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    out += code >= KATAKANA_START && code <= KATAKANA_END ? String.fromCodePoint(code - KANA_OFFSET) : char;
  }
  return out;
}

export function normalizeForSearch(text: string): string {
  return katakanaToHiragana(text.normalize('NFKC').toLowerCase()).replace(/[\s\u3000]+/g, '');
}
