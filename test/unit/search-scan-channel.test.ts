import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOC_SEPARATOR, GramChannel, stackOf } from '../../electron/core/search/gram-channel';
import { ScanChannel } from '../../electron/core/search/scan-channel';

/**
 * The scanned channel (what answers while the gram lists are built on a worker) against the gram
 * channel on the same documents: the same matches, the same prefix matches, the same fields back.
 */
const CHARS = [...'あいうかきこやまだたろうしつ山田高崎林abckonushi-@.'];
const word = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
const doc = fc.record({ fields: fc.array(word, { maxLength: 4 }), prefixes: fc.array(word, { maxLength: 3 }) });
const query = fc.oneof(word, fc.constantFrom('a', 'やま', '山田', 'kon', '@', 'こう'));

function prefixMatches(channel: GramChannel | ScanChannel, q: string): number[] {
  const { list, exact, hasPrefix } = channel.prefixCandidates(q);
  return [...list].filter((d) => exact || hasPrefix(d));
}

describe('scanned search channel', () => {
  it('answers as the gram channel on the same documents', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 30 }), fc.array(query, { minLength: 1, maxLength: 10 }), (docs, queries) => {
        const grams = GramChannel.build(docs);
        const scan = ScanChannel.ofJoined(docs.map((d) => stackOf(d.fields)).join(DOC_SEPARATOR), docs.map((d) => stackOf(d.prefixes)).join(DOC_SEPARATOR));
        expect(scan.size).toBe(grams.size);
        for (let d = 0; d < docs.length; d++) {
          expect(scan.fieldsOf(d)).toEqual(grams.fieldsOf(d));
          expect(scan.prefixesOf(d)).toEqual(grams.prefixesOf(d));
        }
        for (const q of queries) {
          expect([...scan.matches(q)], q).toEqual([...grams.matches(q)]);
          const expectedPrefixes = docs.flatMap((d, i) => (d.prefixes.some((p) => p.startsWith(q)) ? [i] : []));
          expect(prefixMatches(scan, q), q).toEqual(expectedPrefixes);
          expect(prefixMatches(grams, q), q).toEqual(expectedPrefixes);
        }
      }),
      { numRuns: 200 },
    );
  });
});
