import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { cachedStatement } from '../../electron/core/db/statements';
import type { Db } from '../../electron/core/db/types';
import { tempDir } from '../helpers/temp';

// The hot paths (check-in, the sync status, the projection) reuse their prepared statements.
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

function database(file = ':memory:'): Db {
  const db = openDatabase(file);
  open.push(db);
  return db;
}

const READ = 'SELECT value FROM meta WHERE key = ?';
const write = (db: Db, key: string, value: string): void =>
  void cachedStatement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

describe('cachedStatement', () => {
  it('compiles a statement once per database and answers what the database holds now', () => {
    const db = database();
    write(db, 'k', 'one');
    const first = cachedStatement(db, READ);
    expect(first.get('k')).toEqual({ value: 'one' });
    write(db, 'k', 'two');
    expect(cachedStatement(db, READ)).toBe(first);
    expect(cachedStatement(db, READ).get('k')).toEqual({ value: 'two' });
  });

  it('keeps the statements of two databases apart', () => {
    const a = database();
    const b = database();
    write(a, 'k', 'in a');
    write(b, 'k', 'in b');
    expect(cachedStatement(a, READ)).not.toBe(cachedStatement(b, READ));
    expect(cachedStatement(a, READ).get('k')).toEqual({ value: 'in a' });
    expect(cachedStatement(b, READ).get('k')).toEqual({ value: 'in b' });
  });

  it('gives a file opened again statements of its own, not the closed handle’s', () => {
    const file = path.join(tempDir(), 'again.db');
    const before = database(file);
    write(before, 'k', 'kept');
    const old = cachedStatement(before, READ);
    before.close();
    const after = database(file);
    const fresh = cachedStatement(after, READ);
    expect(fresh).not.toBe(old);
    expect(fresh.get('k')).toEqual({ value: 'kept' });
    expect(() => old.get('k')).toThrow(/not open/);
  });

  it('hands a statement still iterating to no one else: a nested use of the same SQL gets its own', () => {
    const db = database();
    for (const key of ['a', 'b', 'c']) write(db, key, key.toUpperCase());
    const sql = "SELECT key, value FROM meta WHERE key IN ('a', 'b', 'c') ORDER BY key";
    const seen: string[] = [];
    for (const row of cachedStatement(db, sql).iterate() as Iterable<{ key: string; value: string }>) {
      const inner = cachedStatement(db, sql).all() as { key: string }[];
      seen.push(`${row.key}:${inner.map((r) => r.key).join('')}`);
    }
    expect(seen).toEqual(['a:abc', 'b:abc', 'c:abc']);
    // Done iterating, the cached one is handed out again.
    expect(cachedStatement(db, sql).busy).toBe(false);
  });
});
