import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/types';
import { startHub, type RunningHub } from '../../server/hub';
import type { Attendee } from '../../shared/domain/attendee';
import { formatPairingCode } from '../../shared/sync/pairing';
import { freshHubStore } from '../helpers/hub-store';
import { openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

// The sync indicator's "waiting" is kept as entries are written and pushed (migration 013) instead
// of counted on every change notice: it must always be the number a count of the log gives.
const KEY = 'sync-waiting-key-0123456789';
const open: TestStation[] = [];
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  for (const h of hubs.splice(0)) await h.close();
});

/** The local entries after the pushed mark, counted over the whole log. */
function unpushedInLog(db: Db | Database.Database): number {
  return (
    db
      .prepare(`SELECT count(*) AS n FROM entries WHERE pulled = 0 AND seq > coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'sync.pushed_seq'), 0)`)
      .get() as { n: number }
  ).n;
}

function station(file: string, name = 'Door A'): TestStation {
  const s = openTestStation({ file, station: name });
  open.push(s);
  return s;
}

async function newHub(): Promise<RunningHub> {
  const hub = await startHub({ ...(await freshHubStore('sqlite', path.join(tempDir(), 'hub'))), keys: [KEY], port: 0 });
  hubs.push(hub);
  return hub;
}

function waitingShown(s: TestStation): number {
  const { waiting } = s.service.sync.status();
  expect(waiting).toBe(unpushedInLog(s.db));
  return waiting;
}

const csv = (rows: number, from = 0): string =>
  ['受付番号,氏名,会社名', ...Array.from({ length: rows }, (_, i) => `W-${from + i},参加者 ${from + i},会社 ${i % 7}`)].join('\n');

describe('the sync indicator counts what waits to be pushed', () => {
  it('after check-ins, an import, a push, a pull, a restart and a pairing with another hub', async () => {
    const file = path.join(tempDir(), 'door.db');
    let a = station(file);
    const guests: Attendee[] = [];
    for (const name of ['林 花子', '佐藤 一郎', 'Ana Silva']) guests.push((await a.service.api.addAttendee({ name })) as Attendee);
    await a.service.api.checkIn({ attendeeId: guests[0]!.id, source: 'search' });
    await a.service.api.checkIn({ attendeeId: guests[1]!.id, source: 'qr' });
    expect(waitingShown(a)).toBe(5);

    // An import's people come in through the bulk path: every one of them waits too.
    const summary = await a.service.api.commitImport({ fileName: 'list.csv', contentBase64: Buffer.from(csv(250)).toString('base64') });
    expect(summary.imported).toBe(250);
    expect(waitingShown(a)).toBeGreaterThanOrEqual(255);

    // A push leaves nothing waiting; a check-in afterwards is one.
    const hub = await newHub();
    await a.service.api.pairStation({ code: formatPairingCode({ hubUrl: hub.url, key: KEY }) });
    expect(waitingShown(a)).toBeGreaterThanOrEqual(255);
    await a.service.sync.syncOnce();
    expect(waitingShown(a)).toBe(0);
    await a.service.api.checkIn({ attendeeId: guests[2]!.id, source: 'search' });
    expect(waitingShown(a)).toBe(1);

    // What another door pushed and this one pulled never waits here.
    const b = station(path.join(tempDir(), 'other.db'), 'Door B');
    await b.service.api.addAttendee({ name: '他の入口' });
    await b.service.api.pairStation({ code: formatPairingCode({ hubUrl: hub.url, key: KEY }) });
    await b.service.sync.syncOnce();
    expect(waitingShown(b)).toBe(0);
    expect(waitingShown(a)).toBe(1);
    expect(await a.service.sync.syncOnce()).toEqual({ pushed: 1, pulled: 1 });
    expect(waitingShown(a)).toBe(0);

    // A restart reads the kept count from the file.
    await a.service.api.addAttendee({ name: '当日 参加' });
    await a.service.api.updateAttendee({ id: guests[2]!.id, fields: { company: '再訪 株式会社' } });
    expect(waitingShown(a)).toBe(2);
    await a.service.sync.stop();
    a.close();
    open.splice(open.indexOf(a), 1);
    a = station(file);
    expect(waitingShown(a)).toBe(2);
    await a.service.sync.syncOnce();
    expect(waitingShown(a)).toBe(0);

    // Another hub knows none of this station's entries: all of them wait again, until pushed.
    const all = (a.db.prepare('SELECT count(*) AS n FROM entries WHERE pulled = 0').get() as { n: number }).n;
    const second = await newHub();
    await a.service.api.pairStation({ code: formatPairingCode({ hubUrl: second.url, key: KEY }) });
    expect(waitingShown(a)).toBe(all);
    await a.service.api.unpairStation({});
    expect(waitingShown(a)).toBe(all);
    await a.service.api.pairStation({ code: formatPairingCode({ hubUrl: second.url, key: KEY }) });
    await a.service.sync.syncOnce();
    expect(waitingShown(a)).toBe(0);
  });

  it('starts from the log of a file written before the count was kept, pushed mark included', () => {
    const file = path.join(tempDir(), 'older.db');
    const older = new Database(file);
    const kept = MIGRATIONS.findIndex((m) => m.name === 'sync waiting count kept');
    migrate(older, MIGRATIONS, { target: MIGRATIONS[kept - 1]!.version });
    const insert = older.prepare(`INSERT INTO entries (id, station, hlc, type, attendee_id, data, pulled) VALUES (?, 'Door A', ?, 'attendee.upsert', ?, '{"fields":{"name":"x"}}', ?)`);
    for (let i = 0; i < 40; i++) insert.run(`e-${i}`, `000000000${i}`, `p-${i}`, i % 4 === 0 ? 1 : 0);
    const tenth = (older.prepare(`SELECT seq FROM entries WHERE pulled = 0 ORDER BY seq LIMIT 1 OFFSET 9`).get() as { seq: number }).seq;
    older.prepare(`INSERT INTO meta (key, value) VALUES ('sync.pushed_seq', ?)`).run(String(tenth));
    older.close();

    const db = openDatabase(file);
    try {
      const { waiting } = db.prepare('SELECT waiting FROM sync_waiting').get() as { waiting: number };
      expect(waiting).toBe(30 - 10);
      expect(waiting).toBe(unpushedInLog(db));
    } finally {
      db.close();
    }
  });
});
