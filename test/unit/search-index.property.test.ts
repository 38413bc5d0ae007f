import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendEntries } from '../../electron/core/log/append';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { searchIndexFor } from '../../electron/core/search/attendee-index';
import type { PartialAttendeeFields } from '../../shared/domain/attendee';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { keysMatch, rankOf, searchKeysOf, searchQueryOf } from '../../shared/text/search-keys';
import { openTestStation } from '../helpers/service';

/**
 * The index against a plain reference scan over the same normalised fields: on generated people
 * and queries, and after changes arriving through the log (as sync applies them), the index must
 * return exactly the people the scan finds, in rank order, with the right total.
 */
const CHARS = [...'あいうかきこやまだたろうしつアイウコウノヤマダﾔﾏﾀﾞ山田髙高﨑崎林森齋斎abcdekonushityz-ＡＢ@.   株式会社(株)'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => cs.join(''));
const NAMES = ['山田 太郎', '髙橋 健一', '林', 'John Smith', 'Taro Kohno', '河野 翔太', '齋藤 翼'];
const KANA = ['やまだ たろう', 'タカハシ ケンイチ', 'はやし', '', 'コウノ ショウタ', 'ｻｲﾄｳ ﾂﾊﾞｻ'];
const person = fc.record({
  ticketCode: fc.oneof(text, fc.integer({ min: 0, max: 99 }).map((n) => `MU-${n}`)),
  name: fc.oneof(fc.constantFrom(...NAMES), text),
  nameKana: fc.oneof(fc.constantFrom(...KANA), text),
  company: fc.oneof(fc.constantFrom('株式会社みらい', 'Acme Inc.', '(株)東京', ''), text),
  email: fc.oneof(fc.constantFrom('taro@example.jp', 'kono@example.com', ''), text),
});
type Person = PartialAttendeeFields & { ticketCode: string; name: string; nameKana: string; company: string; email: string };
const query = fc.oneof(
  text.filter((q) => q.trim() !== ''),
  fc.constantFrom('kouno', 'kohno', 'kōno', 'ohno', 'si', 'tsu', 'ｺｳﾉ', '高橋', '斉藤', 'mu-1', '株式会社', 'inc', 'y', '林'),
);
const change = fc.oneof(
  fc.record({ kind: fc.constant('update' as const), target: fc.nat(), fields: person }),
  fc.record({ kind: fc.constant('remove' as const), target: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), fields: person }),
);

function referenceScan(people: Map<string, Person>, raw: string): { id: string; rank: number }[] {
  const q = searchQueryOf(raw);
  return [...people].flatMap(([id, p]) => {
    const keys = searchKeysOf(p);
    return keysMatch(keys, q) ? [{ id, rank: rankOf(keys, q) }] : [];
  });
}

function expectSameAnswer(db: ReturnType<typeof openTestStation>['db'], people: Map<string, Person>, raw: string): void {
  const expected = referenceScan(people, raw);
  const answer = searchIndexFor(db).search(raw, 1_000_000);
  expect(answer.total).toBe(expected.length);
  expect([...answer.ids].sort()).toEqual(expected.map((e) => e.id).sort());
  const rankById = new Map(expected.map((e) => [e.id, e.rank]));
  const ranks = answer.ids.map((id) => rankById.get(id) ?? 9);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  // The first page is the start of the full ranking.
  expect(searchIndexFor(db).search(raw, 3).ids.map((id) => rankById.get(id))).toEqual(ranks.slice(0, 3));
}

describe('search index against a reference scan', () => {
  it('misses no match, before and after changes applied through the log', () => {
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 40 }), fc.array(change, { maxLength: 15 }), fc.array(query, { minLength: 1, maxLength: 12 }), (initial, changes, queries) => {
        const station = openTestStation();
        try {
          const { db, service } = station;
          const people = new Map<string, Person>();
          const entries = initial.map((fields) => {
            const id = newId();
            people.set(id, fields);
            return service.recorder.stamp({ type: 'attendee.upsert', attendeeId: id, data: { fields } }) as EntryOfType<'attendee.upsert'>;
          });
          appendNewAttendees(db, entries);
          for (const q of queries) expectSameAnswer(db, people, q);

          // Changes arrive as log entries, the way sync applies them.
          for (const c of changes) {
            const ids = [...people.keys()];
            if (c.kind === 'add') {
              const id = newId();
              people.set(id, c.fields);
              appendEntries(db, [service.recorder.stamp({ type: 'attendee.upsert', attendeeId: id, data: { fields: c.fields } })]);
            } else if (ids.length > 0) {
              const id = ids[c.target % ids.length] ?? '';
              if (c.kind === 'update') {
                people.set(id, c.fields);
                appendEntries(db, [service.recorder.stamp({ type: 'attendee.upsert', attendeeId: id, data: { fields: c.fields } })]);
              } else {
                people.delete(id);
                appendEntries(db, [service.recorder.stamp({ type: 'attendee.remove', attendeeId: id, data: {} })]);
              }
            }
          }
          for (const q of queries) expectSameAnswer(db, people, q);
        } finally {
          station.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
