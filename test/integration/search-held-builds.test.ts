import { describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/db/types';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { searchIndexFor } from '../../electron/core/search/attendee-index';
import { pullAvailable } from '../../electron/core/sync/engine';
import type { Entry, EntryOfType } from '../../shared/domain/entry';
import { formatHlc } from '../../shared/domain/hlc';
import { newId } from '../../shared/domain/ids';
import type { HubClient, PulledPage } from '../../shared/sync/hub-client';
import { generateAttendees } from '../helpers/generate-attendees';
import { expectSameAsFullBuild, searchQueriesFor } from '../helpers/search-reference';
import { openTestStation, type TestStation } from '../helpers/service';

/**
 * Long writes hold off new full builds of the search index (attendee-index.ts `holdBuilds`): while
 * held, however far past the threshold (2,000 changes) the overlay grows, no build starts and every
 * search answers exactly as a fresh full build of the same file; on the last release one build
 * starts, only if past the threshold. A build that was already running when a long write began
 * carries the many changes made meanwhile over in slices, the old lists answering until it is done.
 */
const THRESHOLD = 2000;
type Person = ReturnType<typeof generateAttendees>[number];

function stationWith(people: readonly Person[]): TestStation {
  const station = openTestStation();
  addPeople(station, people);
  searchIndexFor(station.db).rebuild();
  return station;
}

/** New people in one transaction, as an import's chunk or a pulled page of new people lands. */
function addPeople(station: TestStation, people: readonly Person[]): string[] {
  const entries = people.map(({ romaji: _romaji, ...fields }) =>
    station.service.recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>,
  );
  appendNewAttendees(station.db, entries);
  searchIndexFor(station.db).keepUp();
  return entries.map((e) => e.attendeeId);
}

function idsOf(db: Db, count: number): string[] {
  return db.prepare('SELECT id FROM attendees ORDER BY rowid LIMIT ?').pluck().all(count) as string[];
}

async function until(what: string, condition: () => boolean): Promise<void> {
  const end = Date.now() + 120_000;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('search index builds held off by long writes', () => {
  for (const changes of [THRESHOLD - 1, THRESHOLD, THRESHOLD + 1]) {
    it(`released with ${changes} changes, ${changes > THRESHOLD ? 'starts one build' : 'starts none'} and answers as a full build throughout`, async () => {
      const people = generateAttendees(3000 + changes, 61);
      const station = stationWith(people.slice(0, 3000));
      const index = searchIndexFor(station.db);
      const queries = searchQueriesFor(people, 15);
      const release = index.holdBuilds();
      // Nested, as an import running while a pull runs: only the last release counts.
      const releaseOther = index.holdBuilds();
      for (let at = 3000; at < people.length; at += 500) addPeople(station, people.slice(at, Math.min(at + 500, people.length)));
      expect(index.building).toBe(false);
      expectSameAsFullBuild(station.db, index, queries);
      releaseOther();
      releaseOther();
      expect(index.holdingBuilds).toBe(true);
      expect(index.building).toBe(false);
      release();
      expect(index.holdingBuilds).toBe(false);
      expect(index.building).toBe(changes > THRESHOLD);
      expectSameAsFullBuild(station.db, index, queries);
      await index.idle();
      expect(index.fullBuilds).toBe(changes > THRESHOLD ? 2 : 1);
      expectSameAsFullBuild(station.db, index, queries);
      station.close();
    });
  }

  it('answers every search during a held pull as a full build does, and builds once after it', async () => {
    const people = generateAttendees(9000, 62);
    const station = stationWith(people.slice(0, 3000));
    const index = searchIndexFor(station.db);
    const known = idsOf(station.db, 3000);
    const hlc = (i: number): string => formatHlc({ ms: Date.now() - 60_000, counter: i, node: 'otherdoor' });
    // Another door's 6,000 new people, edits of 400 known ones and 50 removals.
    const onHub: Entry[] = [
      ...people.slice(3000).map(({ romaji: _romaji, ...fields }, i): Entry => ({ id: newId(), station: 'Other door', hlc: hlc(i), type: 'attendee.upsert', attendeeId: newId(), data: { fields } })),
      ...known.slice(0, 400).map((attendeeId, i): Entry => ({ id: newId(), station: 'Other door', hlc: hlc(10_000 + i), type: 'attendee.upsert', attendeeId, data: { fields: { name: `改名 ${i}`, company: '株式会社みらい' } } })),
      ...known.slice(400, 450).map((attendeeId, i): Entry => ({ id: newId(), station: 'Other door', hlc: hlc(20_000 + i), type: 'attendee.remove', attendeeId, data: {} })),
    ];
    const PAGE = 500;
    const client = {
      pull: (after: number, limit: number): Promise<PulledPage> => {
        const entries = onHub.slice(after, after + Math.min(limit, PAGE));
        return Promise.resolve({ entries, cursor: after + entries.length, more: after + entries.length < onHub.length, readMs: 0 });
      },
    } as unknown as HubClient;
    const queries = [...searchQueriesFor(people, 12), '改名', 'みらい', '改名 39'];
    let pages = 0;
    await pullAvailable({
      db: station.db,
      client,
      clock: station.service.recorder.clock,
      pullLimit: PAGE,
      onProgress: () => {
        pages++;
        expect(index.holdingBuilds).toBe(true);
        expect(index.building).toBe(false);
        if (pages % 4 === 1) expectSameAsFullBuild(station.db, index, queries);
      },
    });
    expect(pages).toBe(Math.ceil(onHub.length / PAGE));
    expect(index.fullBuilds).toBe(1);
    // Released: one build, past the threshold.
    expect(index.holdingBuilds).toBe(false);
    expect(index.building).toBe(true);
    expectSameAsFullBuild(station.db, index, queries);
    await index.idle();
    expect(index.fullBuilds).toBe(2);
    expectSameAsFullBuild(station.db, index, queries);
    station.close();
  });

  it('carries the many changes made during a running build over in slices, answering as a full build meanwhile', async () => {
    const people = generateAttendees(8000, 63);
    const station = stationWith(people.slice(0, 3000));
    const index = searchIndexFor(station.db);
    const queries = [...searchQueriesFor(people, 12), '河野', 'こうの', 'kouno'];
    // Past the threshold without a hold: a build starts.
    addPeople(station, people.slice(3000, 5100));
    expect(index.building).toBe(true);
    // Then a long write begins and changes 2,900 more people while that build runs.
    const release = index.holdBuilds();
    const known = idsOf(station.db, 10);
    station.service.recorder.record(known.slice(0, 5).map((attendeeId) => ({ type: 'attendee.upsert', attendeeId, data: { fields: { name: '河野 翔太', nameKana: 'こうの しょうた' } } })));
    for (let at = 5100; at < 8000; at += 500) addPeople(station, people.slice(at, at + 500));
    // The build arrives and the first of them (the edits above, noted first) are carried.
    await until('the build to arrive and carry some', () => (index.changesToCarry > 0 && index.changesToCarry < 2500) || !index.building);
    expect(index.changesToCarry).toBeGreaterThan(0);
    expect(index.fullBuilds).toBe(1);
    expectSameAsFullBuild(station.db, index, queries);
    // Changes while it carries: one already carried changes again (it must be carried again), one
    // is removed, one is new.
    station.service.recorder.record([
      { type: 'attendee.upsert', attendeeId: known[0] ?? '', data: { fields: { name: '齋藤 翼', nameKana: 'さいとう つばさ' } } },
      { type: 'attendee.remove', attendeeId: known[1] ?? '', data: {} },
      { type: 'attendee.upsert', attendeeId: newId(), data: { fields: { name: 'Taro Kohno', ticketCode: 'MU-KOHNO' } } },
    ]);
    const more = [...queries, '齋藤', 'mu-kohno', 'kohno'];
    expectSameAsFullBuild(station.db, index, more);
    await until('the changes to be carried', () => index.changesToCarry === 0);
    expect(index.fullBuilds).toBe(2);
    expect(index.building).toBe(false);
    expectSameAsFullBuild(station.db, index, more);
    release();
    await index.idle();
    expectSameAsFullBuild(station.db, index, more);
    station.close();
  });
});
