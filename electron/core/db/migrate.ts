import { MusubiError } from '../../../shared/errors';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';
import type { Db } from './types';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema up to the newest version (or `target`) in one transaction, so a failed
 * migration leaves the file as it was. A file written by a newer Musubi is refused: its schema
 * has things this version does not know how to keep.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, target?: number): number {
  const newest = migrations.at(-1)?.version ?? 0;
  const goal = target ?? newest;
  const current = schemaVersion(db);
  if (current > newest) {
    throw new MusubiError(
      'database-too-new',
      `This database was written by a newer version of Musubi (schema ${current}; this version knows up to ${newest}). Update Musubi to open it.`,
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
