import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { createService } from '../../electron/core/service/service';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { generateAttendees } from '../helpers/generate-attendees';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { expectStationAnswersAsFullBuild, searchQueriesFor } from '../helpers/search-reference';
import { tempDir } from '../helpers/temp';

/**
 * A real `musubi station` is killed with SIGKILL while it builds its search index, and again
 * while it saves the snapshot of it; after each restart its searches over HTTP must be exactly
 * those of a fresh full build of the same file, and a station that finally saved its snapshot
 * answers the same from it.
 */
const PEOPLE = 20_000;

interface Counts {
  snapshots: number;
  parts: number;
}

function snapshotCounts(file: string): Counts {
  const db = new Database(file, { readonly: true });
  try {
    return {
      snapshots: db.prepare('SELECT count(*) FROM search_snapshots').pluck().get() as number,
      parts: db.prepare('SELECT count(*) FROM search_snapshot_parts').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('a station killed while it builds or saves its search index', () => {
  it('answers exactly as a full build after each restart', async () => {
    const file = path.join(tempDir(), 'event.db');
    const people = generateAttendees(PEOPLE, 31);
    const seed = openDatabase(file);
    const recorder = createService({ db: seed, stationName: 'Seed' }).recorder;
    appendNewAttendees(
      seed,
      people.map(({ romaji: _romaji, ...fields }) =>
        recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>,
      ),
    );
    seed.close();
    const queries = searchQueriesFor(people, 12);
    let station: RunningProcess & { url: string };

    // 1. Killed right after it starts answering: the build runs in slices, nothing saved yet.
    station = await startStationProcess(file);
    await station.stop('SIGKILL');
    expect(snapshotCounts(file).snapshots).toBe(0);

    // 2. Killed in the middle of the save: parts written, the snapshot not yet counted.
    station = await startStationProcess(file);
    await waitFor('the save to begin', () => {
      const counts = snapshotCounts(file);
      return counts.parts > 0 || counts.snapshots > 0;
    });
    await station.stop('SIGKILL');
    const afterKill = snapshotCounts(file);

    // 3. Restarted: whatever the kill left, the answers are a full build's.
    station = await startStationProcess(file);
    await expectStationAnswersAsFullBuild(station.url, file, queries);
    await waitFor('the snapshot to be saved', () => snapshotCounts(file).snapshots === 1);
    await station.stop('SIGTERM');
    // A snapshot the kill left counted was a whole one, never the first parts of a save.
    if (afterKill.snapshots === 1) expect(afterKill.parts).toBe(snapshotCounts(file).parts);

    // 4. Restarted on the saved snapshot, after another connection changed people.
    const other = openDatabase(file);
    const ids = other.prepare('SELECT id FROM attendees ORDER BY rowid LIMIT 3').pluck().all() as string[];
    createService({ db: other, stationName: 'CLI' }).recorder.record([
      { type: 'attendee.upsert', attendeeId: ids[0] ?? '', data: { fields: { name: '河野 翔太', nameKana: 'こうの しょうた' } } },
      { type: 'attendee.remove', attendeeId: ids[1] ?? '', data: {} },
      { type: 'attendee.upsert', attendeeId: newId(), data: { fields: { name: 'Taro Kohno', ticketCode: 'MU-KOHNO' } } },
    ]);
    other.close();
    station = await startStationProcess(file);
    await expectStationAnswersAsFullBuild(station.url, file, [...queries, 'kouno', 'kohno', 'mu-kohno']);
    await station.stop('SIGTERM');
  }, 600_000);
});
