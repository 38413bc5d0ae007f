import { expect } from 'vitest';
import type { Db } from '../../electron/core/db/types';
import { openDatabase } from '../../electron/core/db/open';
import { AttendeeSearchIndex } from '../../electron/core/search/attendee-index';
import type { PartialAttendeeFields } from '../../shared/domain/attendee';
import { callStation } from './door';

/** Queries of every kind drawn from the people: names, readings, their starts, romaji, companies, e-mails, tickets, everyone. */
export function searchQueriesFor(people: readonly (PartialAttendeeFields & { romaji?: string })[], count = 40): string[] {
  const queries = new Set<string>(['', '林', 'さ', 'yama', 'kouno', 'inc', 'mu-0000']);
  const step = Math.max(1, Math.floor(people.length / count));
  for (let i = 0; i < people.length && queries.size < count * 6; i += step) {
    const p = people[i];
    if (!p) continue;
    for (const q of [p.name, p.name?.slice(0, 1), p.nameKana?.slice(0, 2), p.romaji?.split('.')[1], p.company, p.email?.slice(0, 6), p.ticketCode?.toLowerCase()]) {
      if (q) queries.add(q);
    }
  }
  return [...queries];
}

/**
 * The index under test must answer exactly as a fresh full build of the same file does: the same
 * people, in the same order, with the same total, for the first page and for everything.
 */
export function expectSameAsFullBuild(db: Db, index: AttendeeSearchIndex, queries: readonly string[]): void {
  const answers = queries.flatMap((q) => [index.search(q, 50), index.search(q, 1_000_000)]);
  const reference = new AttendeeSearchIndex(db, { saveSnapshots: false });
  try {
    reference.rebuild();
    const expected = queries.flatMap((q) => [reference.search(q, 50), reference.search(q, 1_000_000)]);
    for (const [i, answer] of answers.entries()) {
      expect(answer, `query ${JSON.stringify(queries[i >> 1])}${i % 2 === 0 ? ', first page' : ''}`).toEqual(expected[i]);
    }
  } finally {
    reference.detach();
  }
}

/** Every query asked of a running station answers as a full build of the file's index does. */
export async function expectStationAnswersAsFullBuild(url: string, file: string, queries: readonly string[]): Promise<void> {
  const db = openDatabase(file);
  const reference = new AttendeeSearchIndex(db, { saveSnapshots: false });
  try {
    reference.rebuild();
    for (const query of queries) {
      const answer = (await callStation(url, 'searchAttendees', { query, limit: 50 })) as { items: { id: string }[]; total: number };
      const expected = reference.search(query, 50);
      expect({ ids: answer.items.map((a) => a.id), total: answer.total }, `query ${JSON.stringify(query)}`).toEqual(expected);
    }
  } finally {
    reference.detach();
    db.close();
  }
}
