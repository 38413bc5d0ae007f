import { cachedStatement } from './statements';
import type { Db } from './types';

/**
 * The `meta` table: this database's own key/value settings, never synced (the station's identity,
 * its printer, sync pairing, backup and export bookkeeping; the hub's store id and relay cursor).
 * The one copy of these helpers for a station's and for the hub's database.
 */
export function readMeta(db: Db, key: string): string | undefined {
  return (cachedStatement(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function writeMeta(db: Db, key: string, value: string): void {
  cachedStatement(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteMeta(db: Db, key: string): void {
  cachedStatement(db, 'DELETE FROM meta WHERE key = ?').run(key);
}
