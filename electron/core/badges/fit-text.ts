import { textWidth, type FontWeight } from '../pdf/japanese-font';

/** Height of one line as a multiple of the font size, and where the baseline sits in it. */
export const LINE_HEIGHT = 1.2;
export const BASELINE = 0.98;

export interface FittedText {
  lines: string[];
  size: number;
  /** The text did not fit even at the smallest size on two lines and was cut with "…". */
  truncated: boolean;
}

export interface FitRequest {
  text: string;
  width: number;
  height: number;
  maxSize: number;
  minSize: number;
  weight: FontWeight;
  /** Below this size a second line is tried (shrink first, then wrap). */
  wrapBelow?: number;
  maxLines?: 1 | 2;
}

// Characters that must not start a line (kinsoku shori): small kana, closing brackets, punctuation.
const NO_LINE_START = new Set([...'、。，．・：；？！ー―‐ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ）」』】〕〉》］｝)]},.!?:;']);
// Latin letters and digits run together as words and break only at spaces or hyphens.
const WORD_CHAR = /[\p{Script=Latin}\p{Nd}'’&@.]/u;

/** Places where `text` may be split into two lines: after a space, between CJK characters. */
export function breakOpportunities(text: string): number[] {
  const chars = [...text];
  const offsets: number[] = [];
  let offset = 0;
  for (let i = 0; i < chars.length - 1; i++) {
    offset += chars[i]!.length;
    const before = chars[i]!;
    const after = chars[i + 1]!;
    if (NO_LINE_START.has(after)) continue;
    if (/\s/.test(before) || before === '-') offsets.push(offset);
    else if (!(WORD_CHAR.test(before) && WORD_CHAR.test(after)) && !/\s/.test(after)) offsets.push(offset);
  }
  return offsets;
}

/**
 * The most balanced split into two lines (the longer line as short as possible; of equally good
 * splits, the earliest). The first line only grows and the second only shrinks as the break moves
 * right, so the longer of the two falls and then rises: a binary search finds the turn, measuring
 * a handful of candidate lines instead of every one (a long company name has ~20 places to break,
 * and each new line is shaped by fontkit, which is most of a first badge's layout time). Exported
 * for its property test against a split that measures every candidate (test/unit/fit-text.property.test.ts).
 */
export function splitInTwo(text: string, size: number, weight: FontWeight, atSpacesOnly: boolean): [string, string] | null {
  const candidates = breakOpportunities(text)
    .filter((at) => !atSpacesOnly || /\s/.test(text[at - 1] ?? ''))
    .map((at): [string, string] => [text.slice(0, at).trimEnd(), text.slice(at).trimStart()]);
  if (candidates.length === 0) return null;
  const first = (i: number): number => textWidth(candidates[i]![0], size, weight);
  const second = (i: number): number => textWidth(candidates[i]![1], size, weight);
  const widest = (i: number): number => Math.max(first(i), second(i));
  // The first candidate whose first line is at least as wide as its second (or the last one).
  let low = 0;
  let high = candidates.length - 1;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (first(mid) >= second(mid)) high = mid;
    else low = mid + 1;
  }
  let best = low > 0 && widest(low - 1) <= widest(low) ? low - 1 : low;
  // Equally balanced splits just before it (a break beside a space): keep the earliest.
  while (best > 0 && widest(best - 1) === widest(best)) best--;
  return candidates[best]!;
}

function sizesFrom(max: number, min: number): number[] {
  const sizes: number[] = [];
  for (let size = max; size > min; size *= 0.95) sizes.push(size);
  sizes.push(min);
  return sizes;
}

/** Cuts `text` with "…" so it fits `width` at `size`. */
function ellipsize(text: string, width: number, size: number, weight: FontWeight): string {
  const chars = [...text];
  const cut = (n: number): string => `${chars.slice(0, n).join('').trimEnd()}…`;
  // The longest prefix that fits, by binary search (a 1,000-character field would be slow char by char).
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(cut(mid), size, weight) <= width) low = mid;
    else high = mid - 1;
  }
  return cut(low);
}

/** The longest prefix of `chars` that fits `width`, by binary search. */
function fillLine(chars: string[], width: number, size: number, weight: FontWeight): number {
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (textWidth(chars.slice(0, mid).join(''), size, weight) <= width) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Fits text into a box: the largest size at which it fits on one line; when that is below
 * `wrapBelow`, two lines if they allow a larger size; at the smallest size and still too long,
 * the second line is cut with "…" (and `truncated` says so). The result never exceeds the box.
 */
export function fitText(request: FitRequest): FittedText {
  const { text, width, height, maxSize, minSize, weight } = request;
  const maxLines = request.maxLines ?? 2;
  const wrapBelow = request.wrapBelow ?? maxSize * 0.75;
  const oneLineMax = Math.min(maxSize, height / LINE_HEIGHT);
  const sizes = sizesFrom(Math.max(oneLineMax, minSize), minSize);

  const single = sizes.find((size) => textWidth(text, size, weight) <= width && size * LINE_HEIGHT <= height);
  if (single !== undefined && (single >= wrapBelow || maxLines === 1)) return { lines: [text], size: single, truncated: false };

  if (maxLines === 2) {
    const twoLineMax = Math.min(maxSize, height / (2 * LINE_HEIGHT));
    const twoLines = (atSpacesOnly: boolean): FittedText | undefined => {
      for (const size of sizesFrom(Math.max(twoLineMax, minSize), minSize)) {
        if (single !== undefined && size <= single) return undefined;
        // Two lines cannot hold more than twice the width (spaces at the break aside).
        if (textWidth(text, size, weight) > 2.1 * width) continue;
        const split = splitInTwo(text, size, weight, atSpacesOnly);
        if (split && split.every((line) => textWidth(line, size, weight) <= width)) return { lines: split, size, truncated: false };
      }
      return undefined;
    };
    // A break at a space (between family and given name, after 株式会社) reads better than the
    // most balanced break, as long as it does not cost much size.
    const anywhere = twoLines(false);
    const atSpace = /\s/.test(text) ? twoLines(true) : undefined;
    if (atSpace && (!anywhere || atSpace.size >= anywhere.size * 0.75)) return atSpace;
    if (anywhere) return anywhere;
  }
  if (single !== undefined) return { lines: [text], size: single, truncated: false };

  // Too long even at the smallest size: fill the first line, cut the last one.
  const size = Math.min(minSize, height / (maxLines * LINE_HEIGHT));
  if (maxLines === 1) return { lines: [ellipsize(text, width, size, weight)], size, truncated: true };
  const chars = [...text];
  let first = chars.splice(0, fillLine(chars, width, size, weight)).join('');
  // Kinsoku: keep "・", "ー", closing brackets… from starting the second line.
  while (chars.length > 0 && NO_LINE_START.has(chars[0]!) && first.length > 1) {
    const last = [...first].at(-1)!;
    first = first.slice(0, -last.length);
    chars.unshift(last);
  }
  return { lines: [first.trimEnd(), ellipsize(chars.join('').trimStart(), width, size, weight)], size, truncated: true };
}
