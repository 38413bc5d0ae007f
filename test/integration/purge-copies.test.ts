import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportOptionsSchema } from '../../shared/api/methods/export';
import type { Entry } from '../../shared/domain/entry';
import { eventIdForKey } from '../../shared/sync/event-id';
import { exportAttendance } from '../../electron/core/export/attendance-export';
import { readEntries } from '../../electron/core/log/append';
import { PostgresHubStore } from '../../server/store/postgres';
import { SqliteHubStore } from '../../server/store/sqlite';
import type { HubStore } from '../../server/store/types';
import { seedEvent } from '../helpers/attendance';
import { testDatabase } from '../helpers/postgres';
import { runMusubi } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

/** What seedEvent puts in: names, an e-mail, companies, a reading. None may survive a purge anywhere. */
const SECRETS = ['山田 太郎', 'taro@example.com', '結び商事', '来なかった社', 'ヤマダ'];

/** The raw bytes of a file and its -wal/-shm/-journal, as someone with the disk would read them. */
function rawBytes(file: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm', '-journal'].filter((s) => fs.existsSync(file + s)).map((s) => fs.readFileSync(file + s)));
}

function namesIn(bytes: Buffer): string[] {
  return SECRETS.filter((s) => bytes.includes(Buffer.from(s, 'utf8')));
}

/** A station with the seeded event, a backup, a copy a restore kept aside, and a current export. */
async function stationWithBackups() {
  const dir = tempDir();
  const dbFile = path.join(dir, 'event.db');
  const seeded = await seedEvent(dbFile);
  const { api } = seeded.station.service;
  const backup = await api.backupNow();
  // What `musubi restore` leaves next to the database: the one it replaced.
  fs.copyFileSync(backup.file, path.join(dir, 'event.before-restore-20261124-100000.db'));
  await exportAttendance(seeded.station.db, exportOptionsSchema.parse({ format: 'csv' }));
  return { dir, dbFile, station: seeded.station, api };
}

describe('the purge reaches every copy this station holds', () => {
  it('refuses while backups hold personal data, naming them; with the organizer\'s agreement deletes them and no file of the station holds a name', async () => {
    const { dir, dbFile, station, api } = await stationWithBackups();
    const copies = (await api.getDataSafety()).copies;
    expect(copies).toHaveLength(2);
    for (const file of copies) {
      // Each backup really holds the names before the purge (read back through SQLite).
      const backup = new Database(file, { readonly: true });
      expect((backup.prepare("SELECT count(*) AS n FROM attendees WHERE name = '山田 太郎'").get() as { n: number }).n).toBe(1);
      backup.close();
    }

    // Opening a backup left its -wal/-shm beside it: copies too, and the refusal names them all.
    const held = (await api.getDataSafety()).copies;
    expect(held.length).toBeGreaterThanOrEqual(2);
    const refused = Promise.resolve().then(() => api.purgePersonalData({ confirm: true }));
    await expect(refused).rejects.toThrow(new RegExp(`${held.length} backup copies with personal data`));
    await expect(refused).rejects.toThrow(new RegExp(path.basename(copies[0] ?? 'x').replace(/\./g, '\\.')));
    expect((await api.searchAttendees({ query: '山田', limit: 5 })).total).toBe(1);

    const result = await api.purgePersonalData({ confirm: true, deleteBackups: true });
    expect(result.deleted.sort()).toEqual(held.sort());
    expect((await api.getDataSafety()).copies).toEqual([]);
    station.close();

    // Every file left in the station's folder and its backup folder, read as raw bytes.
    const files = [dir, path.join(dir, 'backups')].filter((d) => fs.existsSync(d)).flatMap((d) => fs.readdirSync(d).map((n) => path.join(d, n)));
    for (const file of files.filter((f) => fs.statSync(f).isFile())) expect(namesIn(fs.readFileSync(file)), file).toEqual([]);
    expect(namesIn(rawBytes(dbFile))).toEqual([]);
  });

  it('a backup made after the purge holds no name either', async () => {
    const { station, api } = await stationWithBackups();
    await api.purgePersonalData({ confirm: true, deleteBackups: true });
    const after = await api.backupNow();
    station.close();
    const backup = new Database(after.file, { readonly: true });
    expect(backup.prepare("SELECT count(*) AS n FROM attendees WHERE name <> '' OR email <> ''").get()).toEqual({ n: 0 });
    backup.close();
    expect(namesIn(rawBytes(after.file))).toEqual([]);
  });

  it('musubi purge names the backups it deletes before asking, and deletes them', async () => {
    const { dir, dbFile, station } = await stationWithBackups();
    station.close();
    const unconfirmed = await runMusubi(['purge', '--db', dbFile]);
    expect(unconfirmed.code).not.toBe(0);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.db'))).toHaveLength(1);

    const purged = await runMusubi(['purge', '--db', dbFile, '--yes']);
    expect(purged.code, purged.stderr).toBe(0);
    expect(purged.stdout).toMatch(/Deleted 2 backups that held personal data/);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.includes('.db'))).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'event.before-restore-20261124-100000.db'))).toBe(false);
    expect(namesIn(rawBytes(dbFile))).toEqual([]);
  }, 120_000);
});

/** The seeded station's entries, pushed into a hub store as a station would. */
async function storeWithEvent(store: HubStore, key: string): Promise<{ eventId: string; entries: Entry[] }> {
  const { station } = await seedEvent();
  const entries = readEntries(station.db);
  station.close();
  const eventId = await eventIdForKey(key);
  await store.add(eventId, entries);
  // Another event in the same store keeps its data: the purge is per event.
  await store.add(await eventIdForKey(`${key}-other`), entries);
  return { eventId, entries };
}

async function storedBodies(store: HubStore, eventId: string): Promise<string> {
  return (await store.read(eventId, 0, 5000)).joined;
}

const KEY = 'purge-test-key-0123456789';

describe('musubi purge on the hub store', () => {
  it('SQLite: rewrites the event\'s entries without personal fields; the file holds no name of it', async () => {
    const dataDir = tempDir();
    const store = SqliteHubStore.open(dataDir);
    const { eventId, entries } = await storeWithEvent(store, KEY);
    expect(namesIn(Buffer.from(await storedBodies(store, eventId)))).toEqual(SECRETS);
    const result = await store.purgePersonalData(eventId);
    expect(result.entries).toBe(entries.filter((e) => e.type === 'attendee.upsert').length);
    expect(namesIn(Buffer.from(await storedBodies(store, eventId)))).toEqual([]);
    // Still every entry, ids and check-ins intact, so stations keep syncing the same set.
    const after = JSON.parse(`[${await storedBodies(store, eventId)}]`) as Entry[];
    expect(after.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(after.filter((e) => e.type === 'checkin')).toEqual(entries.filter((e) => e.type === 'checkin'));
    expect(namesIn(Buffer.from(await storedBodies(store, await eventIdForKey(`${KEY}-other`))))).toEqual(SECRETS);
    await store.purgePersonalData(await eventIdForKey(`${KEY}-other`));
    await store.close();
    expect(namesIn(rawBytes(path.join(dataDir, 'hub.db')))).toEqual([]);
  });

  it('PostgreSQL: the same purge; a real database holds no name of the event afterwards', async () => {
    const url = await testDatabase();
    const store = await PostgresHubStore.open(url);
    try {
      const { eventId, entries } = await storeWithEvent(store, KEY);
      const result = await store.purgePersonalData(eventId);
      expect(result.entries).toBe(entries.filter((e) => e.type === 'attendee.upsert').length);
      expect(namesIn(Buffer.from(await storedBodies(store, eventId)))).toEqual([]);
      const after = JSON.parse(`[${await storedBodies(store, eventId)}]`) as Entry[];
      expect(after.map((e) => e.id)).toEqual(entries.map((e) => e.id));
      expect(namesIn(Buffer.from(await storedBodies(store, await eventIdForKey(`${KEY}-other`))))).toEqual(SECRETS);
      // New pushes after the purge still arrive and are numbered on.
      expect((await store.add(eventId, entries)).duplicates).toBe(entries.length);
    } finally {
      await store.close();
    }
  });

  it('musubi purge --hub-data --key asks first, then purges that event', async () => {
    const dataDir = tempDir();
    const store = SqliteHubStore.open(dataDir);
    const { eventId } = await storeWithEvent(store, KEY);
    await store.close();
    const unconfirmed = await runMusubi(['purge', '--hub-data', dataDir, '--key', KEY]);
    expect(unconfirmed.code).not.toBe(0);
    const purged = await runMusubi(['purge', '--hub-data', dataDir, '--key', KEY, '--yes']);
    expect(purged.code, purged.stderr).toBe(0);
    expect(purged.stdout).toMatch(new RegExp(`stored entries of event ${eventId}`));
    const reopened = SqliteHubStore.open(dataDir);
    expect(namesIn(Buffer.from(await storedBodies(reopened, eventId)))).toEqual([]);
    await reopened.close();
  }, 120_000);
});
