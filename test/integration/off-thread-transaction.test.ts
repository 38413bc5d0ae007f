import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { runOffThread } from '../../electron/core/db/off-thread-transaction';
import { openDatabase } from '../../electron/core/db/open';
import type { Db } from '../../electron/core/db/types';
import { tempDir } from '../helpers/temp';

/** A transaction run on a worker's own connection (db/off-thread-transaction.ts): all of it or none of it. */
const opened: Db[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function fileDb(): Db {
  const db = openDatabase(path.join(tempDir(), 'event.db'));
  opened.push(db);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return db;
}

const notes = (db: Db): unknown[] => db.prepare('SELECT id, text FROM notes ORDER BY id').all();

describe('runOffThread', () => {
  it('commits every statement with its parameters, and the caller reads the result at once', async () => {
    const db = fileDb();
    await runOffThread(db, [
      { sql: 'INSERT INTO notes (id, text) VALUES (?, ?)', params: [1, '受付'] },
      { sql: 'INSERT INTO notes (id, text) VALUES (?, ?)', params: [2, 'kiosk'] },
      { sql: 'CREATE INDEX IF NOT EXISTS notes_by_text ON notes (text)' },
    ]);
    expect(notes(db)).toEqual([{ id: 1, text: '受付' }, { id: 2, text: 'kiosk' }]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes_by_text'").get()).toEqual({ name: 'notes_by_text' });
  });

  it('runs off the caller\'s thread: it waits for a lock another connection holds while the caller goes on and releases it', async () => {
    const db = fileDb();
    const other = new Database(db.name);
    other.exec('BEGIN IMMEDIATE');
    const order: string[] = [];
    // On the caller's thread the transaction would wait for the lock inside SQLite, with this
    // thread blocked, so the timer that releases the lock could not run until it gave up (busy).
    setTimeout(() => {
      order.push('caller released the lock');
      other.exec('COMMIT');
      other.close();
    }, 50);
    await runOffThread(db, [{ sql: 'INSERT INTO notes (id, text) VALUES (?, ?)', params: [1, 'after the lock'] }]);
    order.push('committed');
    expect(order).toEqual(['caller released the lock', 'committed']);
    expect(notes(db)).toEqual([{ id: 1, text: 'after the lock' }]);
  });

  it('a statement that fails takes the earlier ones back with it and reports the database error', async () => {
    const db = fileDb();
    await expect(runOffThread(db, [
      { sql: 'INSERT INTO notes (id, text) VALUES (?, ?)', params: [1, 'kept?'] },
      { sql: 'INSERT INTO notes (id, text) VALUES (?, ?)', params: [2, null] },
    ])).rejects.toThrow(/NOT NULL/);
    expect(notes(db)).toEqual([]);
  });

  it('an in-memory database, which a worker cannot open, runs the same statements on its own connection', async () => {
    const db = openDatabase(':memory:');
    opened.push(db);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    await runOffThread(db, [{ sql: 'INSERT INTO notes (id, text) VALUES (?, ?)', params: [7, 'memory'] }]);
    expect(notes(db)).toEqual([{ id: 7, text: 'memory' }]);
  });
});
