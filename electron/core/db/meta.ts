/**
 * The `meta` table: this database's own key/value settings, never synced (the station's identity,
 * its printer, sync pairing, backup and export bookkeeping; the hub's store id and relay cursor).
 * The one copy of these helpers for a station's and for the hub's database.
 */
interface SqliteHandle {
  prepare(source: string): { get(...params: unknown[]): unknown; run(...params: unknown[]): unknown };
}

export function readMeta(db: SqliteHandle, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function writeMeta(db: SqliteHandle, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteMeta(db: SqliteHandle, key: string): void {
  db.prepare('DELETE FROM meta WHERE key = ?').run(key);
}
