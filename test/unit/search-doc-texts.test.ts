import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOC_SEPARATOR, DocTexts, SEPARATOR } from '../../electron/core/search/doc-texts';

const CHARS = ['や', 'ま', 'だ', 'a', 'b', 'ヤ', '田', SEPARATOR];
/** A document's piece as the channels hold it: SEPARATOR first, never DOC_SEPARATOR. */
const piece = fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => SEPARATOR + cs.join(''));
const needle = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 3 }).map((cs) => cs.join(''));

describe('a channel’s text as one string with where each document starts', () => {
  it('gives back every piece, and finds exactly the documents whose piece holds the text, joined here or from a snapshot', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(needle, { minLength: 1, maxLength: 8 }), (pieces, needles) => {
        const joined = DocTexts.join(pieces);
        // A snapshot holds only the joined text; its starts are found again, the same.
        const loaded = DocTexts.ofJoined(pieces.join(DOC_SEPARATOR));
        for (const texts of [joined, loaded, DocTexts.fromParts(joined.joined, joined.starts)]) {
          expect(texts.length).toBe(pieces.length);
          expect(pieces.map((_, doc) => texts.at(doc))).toEqual(pieces);
          for (const text of needles) {
            const expected = pieces.flatMap((p, doc) => (p.includes(text) ? [doc] : []));
            expect([...texts.find(text)]).toEqual(expected);
          }
        }
      }),
    );
  });

  it('holds nothing for no documents, and answers "no fields" past the last one', () => {
    const none = DocTexts.join([]);
    expect(none.length).toBe(0);
    expect(DocTexts.ofJoined('').length).toBe(0);
    expect([...none.find('や')]).toEqual([]);
    const one = DocTexts.join([`${SEPARATOR}やまだ`]);
    expect(one.at(0)).toBe(`${SEPARATOR}やまだ`);
    expect(one.at(1)).toBe(SEPARATOR);
    // Text at the end of one document and the start of the next is no hit: DOC_SEPARATOR lies between.
    const two = DocTexts.join([`${SEPARATOR}やま`, `${SEPARATOR}だ`]);
    expect([...two.find(`ま${SEPARATOR}だ`)]).toEqual([]);
    expect([...two.find('ま')]).toEqual([0]);
  });
});
