import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { checkpointCaughtUp } from '../../electron/core/db/background-checkpoints';
import { openDatabase } from '../../electron/core/db/open';
import { tempDir } from '../helpers/temp';

describe('database file', () => {
  it('creates a new file with every migration, WAL, FULL sync and foreign keys', () => {
    const file = path.join(tempDir(), 'nested', 'event.db');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['entries', 'attendees', 'checkins', 'checkin_undos', 'settings_fields']));
    db.close();
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
  });

  it('refuses a database written by a newer Musubi and leaves it untouched', () => {
    const file = path.join(tempDir(), 'future.db');
    const future = new Database(file);
    future.pragma('user_version = 999');
    future.exec('CREATE TABLE from_the_future (x)');
    future.close();
    expect(() => openDatabase(file)).toThrow(/newer version of Musubi \(schema 999/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(999);
    check.close();
  });

  it('says clearly when a file is not a database', () => {
    const file = path.join(tempDir(), 'attendees.csv');
    fs.writeFileSync(file, 'name,email\n'.repeat(200));
    expect(() => openDatabase(file)).toThrow(/Cannot open the database .*attendees\.csv/);
  });

  it('rolls a failed migration back as a whole', () => {
    const db = new Database(':memory:');
    const broken = [...MIGRATIONS, { version: (MIGRATIONS.at(-1)?.version ?? 0) + 1, name: 'broken', sql: 'CREATE TABLE ok (x); SELECT * FROM missing;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('entries', 'ok')").get()).toEqual({ n: 0 });
  });

  it('with background checkpoints, folds the WAL into the file while open and leaves one whole file after close', async () => {
    const file = path.join(tempDir(), 'station.db');
    const db = openDatabase(file, { checkpointInBackground: true });
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const sizeBefore = fs.statSync(file).size;
    const insert = db.prepare("INSERT INTO meta (key, value) VALUES (?, hex(randomblob(2000)))");
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`k${i}`);
    }).immediate();
    // Nothing in this connection copies the WAL into the file (autocheckpoint is off): the worker does.
    await expect.poll(() => fs.statSync(file).size).toBeGreaterThan(sizeBefore + 3000 * 2000);
    db.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const reader = new Database(file, { readonly: true });
    expect(reader.prepare('SELECT count(*) AS n FROM meta WHERE key GLOB ?').get('k*')).toEqual({ n: 3000 });
    reader.close();
  });

  it('a long write that waits for checkpointCaughtUp has its WAL started over instead of growing by every transaction', async () => {
    const file = path.join(tempDir(), 'station.db');
    const db = openDatabase(file, { checkpointInBackground: true });
    const insert = db.prepare("INSERT INTO meta (key, value) VALUES (?, hex(randomblob(2000)))");
    const frames = (): number => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]?.log ?? Number.NaN;
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 200; i++) db.transaction(() => insert.run(`r${round}-${i}`)).immediate();
      await checkpointCaughtUp(db);
    }
    // The next write starts the WAL again from its first frame: it holds that write only.
    db.transaction(() => insert.run('last')).immediate();
    expect(frames()).toBeLessThan(10);
    db.close();
    // A database without a worker answers at once (SQLite checkpoints inside its commits there).
    const plain = openDatabase(path.join(tempDir(), 'cli.db'));
    await checkpointCaughtUp(plain);
    plain.close();
  });
});
