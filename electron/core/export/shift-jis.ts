import iconv from 'iconv-lite';

/**
 * Text for "older Excel": Shift_JIS as Windows writes it (CP932, which adds ①, Ⅰ, ㈱, 髙, 﨑 … to
 * JIS X 0208). Some characters people type have no CP932 code but a standard stand-in — mostly
 * where JIS and Microsoft map the same JIS code to different Unicode characters (WAVE DASH 〜 vs
 * FULLWIDTH TILDE ～, MINUS SIGN − vs FULLWIDTH HYPHEN-MINUS －) — and those are mapped first.
 * Then NFKC compatibility forms (㉑ → 21). Whatever still cannot be written becomes 〓 (the geta
 * mark, Japanese typesetting's "character not available") and is reported, never a silent "?".
 */
const STANDARD_MAPPINGS: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 WAVE DASH → ～
  '\u2212': '\uFF0D', // − MINUS SIGN → －
  '\u2014': '\u2015', // — EM DASH → ―
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥
  '\u00A2': '\uFFE0', // ¢ → ￠
  '\u00A3': '\uFFE1', // £ → ￡
  '\u00AC': '\uFFE2', // ¬ → ￢
  '\u00A6': '\uFFE4', // ¦ → ￤
  '\u2013': '\uFF0D', // – EN DASH → －
  '\u00B7': '\u30FB', // · MIDDLE DOT → ・
  '\u2022': '\u30FB', // • BULLET → ・
  '\u{20BB7}': '\u5409', // 𠮷 (tsuchi-yoshi) → 吉, the usual substitute
};

export const NOT_AVAILABLE = '\u3013'; // 〓

const encodable = new Map<string, boolean>();

function canEncode(char: string): boolean {
  let known = encodable.get(char);
  if (known === undefined) {
    known = iconv.decode(iconv.encode(char, 'cp932'), 'cp932') === char;
    encodable.set(char, known);
  }
  return known;
}

export interface SjisResult {
  text: string;
  /** Characters that could not be written, in order of appearance. */
  unmappable: string[];
}

/** Maps one cell's text to characters CP932 can hold; see the module comment. */
export function mapForShiftJis(text: string): SjisResult {
  let out = '';
  const unmappable: string[] = [];
  for (const char of text) {
    if (canEncode(char)) {
      out += char;
      continue;
    }
    const mapped = STANDARD_MAPPINGS[char] ?? char.normalize('NFKC');
    if (mapped !== char && [...mapped].every(canEncode)) {
      out += mapped;
    } else {
      out += NOT_AVAILABLE;
      unmappable.push(char);
    }
  }
  return { text: out, unmappable };
}

export function encodeCp932(text: string): Buffer {
  return iconv.encode(text, 'cp932');
}

export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}
