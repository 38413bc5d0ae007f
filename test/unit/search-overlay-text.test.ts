import { describe, expect, it } from 'vitest';
import { OverlayText } from '../../electron/core/search/overlay-text';
import { keysMatch, searchKeysOf, searchQueryOf, type SearchKeys } from '../../shared/text/search-keys';
import { generateAttendees } from '../helpers/generate-attendees';

/**
 * The overlay's text search (electron/core/search/overlay-text.ts) finds exactly the documents a
 * one-by-one check finds, across blocks, after documents change and leave, with several hits in
 * one document, and by ticket code.
 */
describe('search overlay text', () => {
  it('finds what checking each document finds, across blocks, after changes and removals', () => {
    const people = generateAttendees(2600, 31);
    const overlay = new OverlayText();
    const keys = new Map<number, SearchKeys>();
    // Sparse document numbers, as the overlay holds (changed built documents and added ones).
    people.forEach((p, i) => {
      const doc = i * 3 + 1;
      const k = searchKeysOf({ ticketCode: p.ticketCode ?? '', name: p.name ?? '', nameKana: p.nameKana ?? '', company: p.company ?? '', email: p.email ?? '' });
      keys.set(doc, k);
      overlay.set(doc, k);
    });
    // Changes and removals in the first, a middle and the last block.
    for (const doc of [1, 1000 * 3 + 1, 2599 * 3 + 1]) {
      const k = searchKeysOf({ ticketCode: 'MU-CHANGED', name: '河野 翔太', nameKana: 'こうの しょうた', company: 'ああああ', email: '' });
      keys.set(doc, k);
      overlay.set(doc, k);
    }
    for (const doc of [4, 1500 * 3 + 1, 2598 * 3 + 1]) {
      keys.delete(doc);
      overlay.set(doc, null);
    }
    overlay.set(999_999, null);
    const queries = ['kouno', 'こうの', 'あ', 'ああ', '河野', 'mu-changed', 'a', 'e', '株式会社', ...people.slice(0, 200).flatMap((p) => [p.name?.slice(0, 2) ?? '', p.nameKana?.slice(1, 3) ?? '', p.company ?? ''])];
    for (const raw of queries.filter((q) => q.trim() !== '')) {
      const query = searchQueryOf(raw);
      if (query.text === '') continue;
      const expected = [...keys].filter(([, k]) => keysMatch(k, query)).map(([doc]) => doc).sort((a, b) => a - b);
      expect([...overlay.matching(query)].sort((a, b) => a - b), raw).toEqual(expected);
    }
    const changedTicket = searchQueryOf('MU-CHANGED').ticket;
    expect([...overlay.withTicket(changedTicket)].sort((a, b) => a - b)).toEqual([1, 1000 * 3 + 1, 2599 * 3 + 1]);
    overlay.set(1, null);
    expect([...overlay.withTicket(changedTicket)].sort((a, b) => a - b)).toEqual([1000 * 3 + 1, 2599 * 3 + 1]);
  });
});
