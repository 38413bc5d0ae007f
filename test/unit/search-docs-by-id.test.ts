import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DocsById } from '../../electron/core/search/docs-by-id';
import { buildNow, orderByIdSteps } from '../../electron/core/search/index-build';
import { PackedStrings } from '../../electron/core/search/packed-strings';
import type { SearchKeys } from '../../shared/text/search-keys';

/**
 * How the search index finds a changed person's document after a build: by binary search over
 * the documents in id order (made with the build). Every id must find its own document, and an
 * id the build does not hold (a person added since, a prefix or extension of a held id) none.
 */
const KEYS: SearchKeys = { ticket: '', main: [], mainPrefixes: [], romaji: [], romajiPrefixes: [], sortKey: '' };

describe('documents by id', () => {
  it('finds every id of the build and no other', () => {
    const id = fc.stringMatching(/^[0-9a-f-]{0,12}$/);
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 200 }), fc.array(id, { maxLength: 30 }), (ids, others) => {
        const byId = new DocsById(PackedStrings.of(ids), buildNow(orderByIdSteps(ids.map((i) => ({ id: i, keys: KEYS })))));
        for (const [doc, i] of ids.entries()) expect(byId.get(i)).toBe(doc);
        for (const other of [...others, ...ids.map((i) => `${i}0`), ...ids.map((i) => i.slice(0, -1))]) {
          expect(byId.get(other)).toBe(ids.includes(other) ? ids.indexOf(other) : undefined);
        }
      }),
      { numRuns: 300 },
    );
  });
});
