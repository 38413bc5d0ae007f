import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/types';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { searchIndexFor } from '../../electron/core/search/attendee-index';
import { createService } from '../../electron/core/service/service';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { callStation } from '../helpers/door';
import { generateAttendees } from '../helpers/generate-attendees';
import { startStationProcess } from '../helpers/processes';
import { openTestStation } from '../helpers/service';
import { expectSameAsFullBuild, expectStationAnswersAsFullBuild, searchQueriesFor } from '../helpers/search-reference';

/**
 * The search index built on a worker thread (electron/core/search/build-in-worker.ts), on a file
 * written by another connection (no snapshot, as after `musubi import` or a restore): searches
 * asked while the worker builds are answered, by scanning the first stage's text, exactly as a
 * full build answers; changes made before and during the build are found after it; a worker
 * that dies falls back to the build in slices. Every answer is compared with a fresh full build.
 */
type Person = ReturnType<typeof generateAttendees>[number];

function seedByAnotherConnection(file: string, people: readonly Person[]): string[] {
  const db = openDatabase(file);
  try {
    const recorder = createService({ db, stationName: 'CLI' }).recorder;
    const entries = people.map(({ romaji: _romaji, ...fields }) =>
      recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>,
    );
    appendNewAttendees(db, entries);
    return entries.map((e) => e.attendeeId);
  } finally {
    db.close();
  }
}

function otherConnectionRecords(file: string, record: (recorder: ReturnType<typeof createService>['recorder'], db: Db) => void): void {
  const db = openDatabase(file);
  try {
    record(createService({ db, stationName: 'CLI' }).recorder, db);
  } finally {
    db.close();
  }
}

const EXTRA_QUERIES = ['kouno', 'kohno', 'こうの', '齋藤', '斉藤', 'さいとう', 'みらい', 'Taro', 'mu-777777-kk', '中條', '中条', '一時'];

describe('search index built on a worker thread', () => {
  it('answers searches during the build as a full build does, and keeps the changes made before and during it', async () => {
    const empty = openTestStation();
    const file = empty.file;
    empty.close();
    const people = generateAttendees(9000, 41);
    const ids = seedByAnotherConnection(file, people);

    const station = openTestStation({ file });
    const index = searchIndexFor(station.db);
    index.warm();
    expect(index.building).toBe(true);
    expect(index.buildWorker).not.toBeNull();
    expect(index.ready).toBe(false);
    // A change while the worker reads the table (it may or may not see it: the journal tells).
    const { recorder } = station.service;
    recorder.record([{ type: 'attendee.upsert', attendeeId: ids[0] ?? '', data: { fields: { name: '河野 翔太', nameKana: 'こうの しょうた' } } }]);

    // The first stage: every search answered by scanning, while the gram lists are still made.
    await index.whenReady();
    expect(index.source).toBe('scan');
    expect(index.building).toBe(true);
    const queries = [...searchQueriesFor(people, 30), ...EXTRA_QUERIES];
    expectSameAsFullBuild(station.db, index, queries);

    // Changes while the lists are scanned: here, by another connection, a removal, a new person,
    // an edit undone by the next.
    recorder.record([
      { type: 'attendee.upsert', attendeeId: ids[1] ?? '', data: { fields: { company: '株式会社みらい' } } },
      { type: 'attendee.upsert', attendeeId: ids[5] ?? '', data: { fields: { name: '一時 名前' } } },
      { type: 'attendee.remove', attendeeId: ids[2] ?? '', data: {} },
      { type: 'attendee.upsert', attendeeId: newId(), data: { fields: { name: 'Taro Kohno', ticketCode: 'MU-777777-KK' } } },
    ]);
    otherConnectionRecords(file, (cli) => cli.record([{ type: 'attendee.upsert', attendeeId: ids[7] ?? '', data: { fields: { name: '中條 進一' } } }]));
    expectSameAsFullBuild(station.db, index, queries);
    recorder.record([{ type: 'attendee.upsert', attendeeId: ids[5] ?? '', data: { fields: { name: '齋藤 翼', nameKana: 'さいとう つばさ' } } }]);
    if (index.source === 'scan') expectSameAsFullBuild(station.db, index, EXTRA_QUERIES);

    // The full index replaces the scanned lists with every change kept.
    await index.idle();
    expect(index.source).toBe('build');
    expect(index.fullBuilds).toBe(1);
    expect(index.workerFailures).toBe(0);
    expectSameAsFullBuild(station.db, index, queries);
    // And it was saved: a restart answers from the snapshot.
    station.close();
    const restarted = openTestStation({ file });
    const again = searchIndexFor(restarted.db);
    again.warm();
    expect(again.source).toBe('snapshot');
    expectSameAsFullBuild(restarted.db, again, queries);
    restarted.close();
  });

  it('answers the desk through the contract while the worker builds (the search waits, the thread does not)', async () => {
    const empty = openTestStation();
    const file = empty.file;
    empty.close();
    const people = generateAttendees(6000, 42);
    seedByAnotherConnection(file, people);
    const station = openTestStation({ file });
    const { api } = station.service;
    const name = people[1234]?.name ?? '山田 太郎';
    // Nothing warmed the index: the first search starts the build on the worker and waits for it.
    const searching = api.searchAttendees({ query: name, limit: 50 });
    expect(searchIndexFor(station.db).buildWorker).not.toBeNull();
    // A check-in meanwhile is answered on this thread, before the search.
    const attendeeId = (station.db.prepare('SELECT id FROM attendees ORDER BY rowid LIMIT 1').pluck().get() as string) ?? '';
    const order: string[] = [];
    const checkin = Promise.resolve(api.checkIn({ attendeeId, source: 'search' })).then(() => order.push('checkin'));
    const found = await Promise.resolve(searching).then((answer) => (order.push('search'), answer));
    await checkin;
    expect(order).toEqual(['checkin', 'search']);
    expect(found.items.map((a) => a.name)).toContain(name);
    const index = searchIndexFor(station.db);
    expect(found).toMatchObject({ total: index.search(name, 50).total });
    await index.idle();
    expectSameAsFullBuild(station.db, index, searchQueriesFor(people, 10));
    station.close();
  });

  it('falls back to the build in slices when the worker dies, and still answers as a full build', async () => {
    const empty = openTestStation();
    const file = empty.file;
    empty.close();
    const people = generateAttendees(5000, 43);
    const ids = seedByAnotherConnection(file, people);
    const station = openTestStation({ file });
    const index = searchIndexFor(station.db);
    index.warm();
    const worker = index.buildWorker;
    expect(worker).not.toBeNull();
    // Stopped as a crash would stop it: no answer, an exit.
    await worker?.terminate();
    const waiting = index.whenReady();
    await waiting;
    expect(index.workerFailures).toBe(1);
    station.service.recorder.record([{ type: 'attendee.upsert', attendeeId: ids[3] ?? '', data: { fields: { name: '河野 翔太', nameKana: 'こうの しょうた' } } }]);
    const queries = [...searchQueriesFor(people, 20), 'kouno', 'こうの'];
    expectSameAsFullBuild(station.db, index, queries);
    await index.idle();
    expect(index.source).toBe('build');
    expectSameAsFullBuild(station.db, index, queries);
    station.close();
  });

  it('a station killed while its worker builds answers as a full build after the restart (the built app)', async () => {
    const empty = openTestStation();
    const file = empty.file;
    empty.close();
    const people = generateAttendees(20_000, 44);
    seedByAnotherConnection(file, people);
    const queries = [...searchQueriesFor(people, 8), 'kouno'];
    const snapshots = (): number => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT count(*) FROM search_snapshots').pluck().get() as number;
      } finally {
        db.close();
      }
    };

    // Answered from the worker's first stage, then killed before the build ends and is saved.
    let station = await startStationProcess(file);
    const first = (await callStation(station.url, 'searchAttendees', { query: queries[1] ?? '林', limit: 50 })) as { total: number };
    expect(first.total).toBeGreaterThan(0);
    await station.stop('SIGKILL');
    expect(snapshots()).toBe(0);

    station = await startStationProcess(file);
    await expectStationAnswersAsFullBuild(station.url, file, queries);
    await station.stop('SIGTERM');
  }, 300_000);
});

