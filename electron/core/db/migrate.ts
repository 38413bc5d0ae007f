import { MusubiError } from '../../../shared/errors';

/** What the runner needs of a migration (the station's carry a name too: migrations/migration.ts). */
export interface NumberedMigration {
  /** Numbered from 1 without gaps; tracked in `PRAGMA user_version`. Never edit a released one. */
  version: number;
  sql: string;
}

/** The part of a better-sqlite3 handle the runner uses (a station's or the hub's database). */
interface SqliteHandle {
  pragma(source: string, options?: { simple: boolean }): unknown;
  exec(source: string): unknown;
  transaction<F extends () => void>(fn: F): { immediate(): void };
}

export function schemaVersion(db: SqliteHandle): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to the newest version (or `target`) in one transaction, so a failed
 * migration leaves the file as it was. A file written by a newer Musubi is refused: its schema
 * has things this version does not know how to keep. The one runner of the station's and the
 * hub's numbered migrations; `what` names the file in that refusal.
 */
export function migrate(
  db: SqliteHandle,
  migrations: readonly NumberedMigration[],
  options: { target?: number; what?: string } = {},
): number {
  const newest = migrations.at(-1)?.version ?? 0;
  const goal = options.target ?? newest;
  const current = schemaVersion(db);
  if (current > newest) {
    throw new MusubiError(
      'database-too-new',
      `${options.what ?? 'This database'} was written by a newer version of Musubi (schema ${current}; this version knows up to ${newest}). Update Musubi to open it.`,
    );
  }
  const pending = migrations.filter((m) => m.version > current && m.version <= goal);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return goal;
}
