import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { readMeta, writeMeta } from '../../electron/core/db/meta';
import { migrate } from '../../electron/core/db/migrate';

export type HubDb = Database.Database;

/**
 * The hub's own schema (separate from the station's): it stores entries as the JSON it validated,
 * per event, and serves them back in its arrival order. `seq` is the cursor of protocol v1.
 * Numbered migrations tracked in `PRAGMA user_version`, like the station's.
 */
const HUB_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- body: the entry exactly as validated, served back verbatim on pull.
      -- from_upstream: pulled from the upstream hub, so the relay never pushes it back.
      CREATE TABLE entries (
        seq           INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id      TEXT NOT NULL,
        id            TEXT NOT NULL,
        body          TEXT NOT NULL,
        from_upstream INTEGER NOT NULL DEFAULT 0,
        UNIQUE (event_id, id)
      ) STRICT;
      CREATE INDEX entries_by_event ON entries (event_id, seq);

      CREATE TABLE stations (
        event_id     TEXT NOT NULL,
        station      TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        pushed       INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (event_id, station)
      ) STRICT;
    `,
  },
];

/** Opens (creating) `<dataDir>/hub.db`, readable by the current user only: it holds personal data. */
export function openHubDatabase(dataDir: string): HubDb {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'hub.db');
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // An acknowledged push must survive a power cut: the station forgets what the hub acknowledged.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, HUB_MIGRATIONS, { what: `The hub data in ${dataDir}` });
  } catch (error) {
    db.close();
    throw error;
  }
  if (!readMeta(db, 'store_id')) writeMeta(db, 'store_id', randomUUID());
  return db;
}

/** The hub's `meta` table, through the same helpers as a station's. */
export { readMeta as readHubMeta, writeMeta as writeHubMeta };
