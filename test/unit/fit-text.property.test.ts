import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakOpportunities, splitInTwo } from '../../electron/core/badges/fit-text';
import { textWidth, type FontWeight } from '../../electron/core/pdf/japanese-font';

/** The split splitInTwo promises, found the slow way: measure every candidate, keep the first best. */
function bruteForceSplit(text: string, size: number, weight: FontWeight, atSpacesOnly: boolean): [string, string] | null {
  let best: [string, string] | null = null;
  let bestWidth = Number.POSITIVE_INFINITY;
  for (const at of breakOpportunities(text)) {
    if (atSpacesOnly && !/\s/.test(text[at - 1] ?? '')) continue;
    const split: [string, string] = [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
    const widest = Math.max(textWidth(split[0], size, weight), textWidth(split[1], size, weight));
    if (widest < bestWidth) [best, bestWidth] = [split, widest];
  }
  return best;
}

// Pieces of what badges print: company names, titles and people's names in kanji, kana and Latin,
// with and without spaces between them (so both the CJK breaks and the word breaks are exercised).
const PIECES = ['株式会社', 'ホールディングス', '結', '山田', '太郎', 'テクノロジー', '事業開発部', '東京', 'ソリューションズ', '（株）', '、', 'Musubi', 'Global', 'Partners', 'K.K.', 'Co.', 'R&D', '2026', 'ー', 'あ', 'i', 'WW'];
const textArb = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom('', '', ' ', '\u3000')), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.map(([piece, gap]) => piece + gap).join('').trim());

describe('two-line split (binary search) against measuring every candidate', () => {
  it('picks the same split for any text, size and weight', () => {
    fc.assert(
      fc.property(textArb, fc.constantFrom(8, 11.5, 24), fc.constantFrom<FontWeight>('regular', 'bold'), fc.boolean(), (text, size, weight, atSpacesOnly) => {
        expect(splitInTwo(text, size, weight, atSpacesOnly)).toEqual(bruteForceSplit(text, size, weight, atSpacesOnly));
      }),
      { numRuns: 400 },
    );
  });
});
