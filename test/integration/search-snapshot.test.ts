import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/types';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { searchIndexFor } from '../../electron/core/search/attendee-index';
import { createService } from '../../electron/core/service/service';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { generateAttendees } from '../helpers/generate-attendees';
import { openTestStation } from '../helpers/service';
import { expectSameAsFullBuild, searchQueriesFor } from '../helpers/search-reference';

/**
 * The saved search index (electron/core/search/snapshot.ts) and the journal of changes
 * (journal.ts) at their edges: a restart answers from the snapshot plus whatever changed after
 * it, by this connection or another; a snapshot of another format is not used; a large write by
 * another connection is answered at once while the new build runs in slices; an empty event
 * works. Every answer is compared with a fresh full build of the same file.
 */
type Person = ReturnType<typeof generateAttendees>[number];

function seedPeople(db: Db, people: readonly Person[]): string[] {
  const recorder = createService({ db, stationName: 'Seed' }).recorder;
  const entries = people.map(({ romaji: _romaji, ...fields }) =>
    recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>,
  );
  appendNewAttendees(db, entries);
  return entries.map((e) => e.attendeeId);
}

describe('search index snapshot', () => {
  it('a restart answers from the snapshot plus the changes made after it, here and by another connection', async () => {
    const people = generateAttendees(600, 3);
    const first = openTestStation();
    const ids = seedPeople(first.db, people);
    const index = searchIndexFor(first.db);
    index.warm();
    await index.idle();
    expect(index.source).toBe('build');

    // After the save: edits, removals and new people through this station's log...
    const { recorder } = first.service;
    recorder.record([
      { type: 'attendee.upsert', attendeeId: ids[0] ?? '', data: { fields: { name: '河野 翔太', nameKana: 'こうの しょうた' } } },
      { type: 'attendee.upsert', attendeeId: ids[1] ?? '', data: { fields: { company: '株式会社みらい', ticketCode: 'MU-999999-ZZ' } } },
      { type: 'attendee.remove', attendeeId: ids[2] ?? '', data: {} },
      { type: 'attendee.upsert', attendeeId: newId(), data: { fields: { name: 'Taro Kohno', email: 'kohno@example.jp' } } },
    ]);
    first.close();
    // ...and by another connection while no station runs.
    const other = openDatabase(first.file);
    createService({ db: other, stationName: 'CLI' }).recorder.record([
      { type: 'attendee.upsert', attendeeId: ids[3] ?? '', data: { fields: { name: '齋藤 翼', nameKana: 'さいとう つばさ' } } },
      { type: 'attendee.remove', attendeeId: ids[4] ?? '', data: {} },
    ]);
    other.close();

    const restarted = openTestStation({ file: first.file });
    const again = searchIndexFor(restarted.db);
    again.warm();
    expect(again.source).toBe('snapshot');
    expect(again.fullBuilds).toBe(0);
    const queries = [...searchQueriesFor(people), 'kouno', 'kohno', '斉藤', 'さいとう', 'みらい', 'mu999999zz'];
    expectSameAsFullBuild(restarted.db, again, queries);
    expect(again.fullBuilds).toBe(0);
    restarted.close();
  });

  it('does not use a snapshot made for another format', async () => {
    const people = generateAttendees(200, 4);
    const first = openTestStation();
    seedPeople(first.db, people);
    searchIndexFor(first.db).warm();
    await searchIndexFor(first.db).idle();
    first.db.prepare("UPDATE search_snapshots SET format = 'search-index/0'").run();
    first.close();

    const restarted = openTestStation({ file: first.file });
    const index = searchIndexFor(restarted.db);
    expectSameAsFullBuild(restarted.db, index, searchQueriesFor(people));
    expect(index.source).toBe('build');
    restarted.close();
  });

  it("answers at once after another connection's large import, while the new build runs in slices", async () => {
    const station = openTestStation();
    seedPeople(station.db, generateAttendees(300, 5));
    const index = searchIndexFor(station.db);
    index.warm();
    await index.idle();
    expect(index.fullBuilds).toBe(1);

    const imported = generateAttendees(2500, 6);
    const cli = openDatabase(station.file);
    seedPeople(cli, imported);
    cli.close();

    // The first search after it answers from the old lists and the overlay: no build in between.
    const queries = searchQueriesFor(imported).slice(0, 60);
    expectSameAsFullBuild(station.db, index, queries);
    expect(index.fullBuilds).toBe(1);
    expect(index.building).toBe(true);
    await index.idle();
    expect(index.fullBuilds).toBe(2);
    expectSameAsFullBuild(station.db, index, queries);
    station.close();
  });

  it('keeps every change made while a build runs in slices once the build replaces the lists (here and by another connection)', async () => {
    const station = openTestStation();
    const ids = seedPeople(station.db, generateAttendees(400, 11));
    const index = searchIndexFor(station.db);
    index.warm();
    await index.idle();

    // Enough new people for a build in slices, then changes while it runs: edits of people the
    // build has already read or not, a removal, new people, an edit undone, another connection's edit.
    const more = generateAttendees(2500, 12);
    const moreIds = seedPeople(station.db, more);
    index.search('やまだ', 5);
    expect(index.building).toBe(true);
    const { recorder } = station.service;
    const edits: [string, Record<string, string>][] = [
      [ids[0] ?? '', { name: '河野 翔太', nameKana: 'こうの しょうた' }],
      [moreIds.at(-1) ?? '', { company: '株式会社みらい' }],
      [ids[5] ?? '', { name: '一時 名前' }],
      [ids[5] ?? '', { name: '齋藤 翼', nameKana: 'さいとう つばさ' }],
    ];
    let round = 0;
    while (index.building) {
      const edit = edits[round];
      if (edit) recorder.record([{ type: 'attendee.upsert', attendeeId: edit[0], data: { fields: edit[1] } }]);
      if (round === 4) recorder.record([{ type: 'attendee.remove', attendeeId: ids[1] ?? '', data: {} }]);
      if (round === 5) recorder.record([{ type: 'attendee.upsert', attendeeId: newId(), data: { fields: { name: 'Taro Kohno', ticketCode: 'MU-777777-KK' } } }]);
      if (round === 6) {
        const cli = openDatabase(station.file);
        createService({ db: cli, stationName: 'CLI' }).recorder.record([{ type: 'attendee.upsert', attendeeId: moreIds[7] ?? '', data: { fields: { name: '中條 進一' } } }]);
        cli.close();
      }
      // A search between slices applies the changes to the current lists, as the desk's would.
      index.search('kohno', 5);
      round++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(round).toBeGreaterThan(6);
    expect(index.fullBuilds).toBe(2);
    const queries = [...searchQueriesFor(more).slice(0, 40), 'kouno', 'こうの', 'みらい', '齋藤', '斉藤', '一時', 'Taro', 'mu-777777-kk', '中條', '中条'];
    expectSameAsFullBuild(station.db, index, queries);
    station.close();
  });

  it('stores a large index in pieces, keeps one snapshot after a second save, and prunes the journal it covers', async () => {
    const people = generateAttendees(6000, 9);
    const first = openTestStation();
    seedPeople(first.db, people);
    const index = searchIndexFor(first.db);
    index.warm();
    await index.idle();
    const count = (sql: string): number => first.db.prepare(sql).pluck().get() as number;
    // Some part (the main channel's text for 6,000 people) is larger than one piece.
    expect(count("SELECT count(*) FROM search_snapshot_parts WHERE name LIKE 'main.haystacks#%'")).toBeGreaterThan(1);
    expect(count('SELECT count(*) FROM search_journal')).toBe(0);
    const pieces = count('SELECT count(*) FROM search_snapshot_parts');

    // A second build and save (more than the overlay keeps) replaces the first snapshot.
    seedPeople(first.db, generateAttendees(2500, 10));
    index.search('やまだ', 5);
    await index.idle();
    expect(index.fullBuilds).toBe(2);
    expect(count('SELECT count(*) FROM search_snapshots')).toBe(1);
    expect(count('SELECT count(DISTINCT snapshot) FROM search_snapshot_parts')).toBe(1);
    expect(count('SELECT count(*) FROM search_snapshot_parts')).toBeGreaterThanOrEqual(pieces);
    expect(count('SELECT count(*) FROM search_journal')).toBe(0);
    first.close();

    const restarted = openTestStation({ file: first.file });
    const again = searchIndexFor(restarted.db);
    again.warm();
    expect(again.source).toBe('snapshot');
    expectSameAsFullBuild(restarted.db, again, searchQueriesFor(people).slice(0, 80));
    restarted.close();
  });

  it('works on an empty event, before and after its snapshot', async () => {
    const first = openTestStation();
    const index = searchIndexFor(first.db);
    index.warm();
    await index.idle();
    expect(index.search('', 50)).toEqual({ ids: [], total: 0 });
    first.close();

    const restarted = openTestStation({ file: first.file });
    const again = searchIndexFor(restarted.db);
    again.warm();
    expect(again.source).toBe('snapshot');
    expect(again.search('', 50)).toEqual({ ids: [], total: 0 });
    expect(again.search('山田', 50).total).toBe(0);
    const hana = await restarted.service.api.addAttendee({ name: '山田 花子', nameKana: 'やまだ はなこ' });
    expect(again.search('yamada', 50)).toEqual({ ids: [hana.id], total: 1 });
    expect(again.search('', 50)).toEqual({ ids: [hana.id], total: 1 });
    restarted.close();
  });

  it('keeps no snapshot made before a purge of personal data (one still being saved included)', async () => {
    const station = openTestStation();
    seedPeople(station.db, generateAttendees(300, 8));
    const index = searchIndexFor(station.db);
    index.warm();
    // The build and the start of its save, then the purge's drop in the middle of the save.
    while (station.db.prepare('SELECT count(*) FROM search_snapshot_parts').pluck().get() === 0) await new Promise((r) => setImmediate(r));
    const { dropSnapshots } = await import('../../electron/core/search/snapshot');
    dropSnapshots(station.db);
    await index.idle();
    expect(station.db.prepare('SELECT count(*) FROM search_snapshots').pluck().get()).toBe(0);
    expect(station.db.prepare('SELECT count(*) FROM search_snapshot_parts').pluck().get()).toBe(0);
    station.close();
  });
});
