import type { Migration } from './migration';

/**
 * An import commits in many short transactions so that the door keeps answering
 * (electron/core/import/staging.ts). Its planned entries are staged here first, invisible to every
 * screen, to sync and to exports; once the whole file is staged the run turns `applying` and is
 * carried into the log chunk by chunk. On start a run still `staging` is dropped and one
 * `applying` is finished, so nobody ever sees half an import after a crash.
 */
export const migration011: Migration = {
  version: 11,
  name: 'import staging',
  sql: `
    CREATE TABLE import_runs (
      id         TEXT PRIMARY KEY,
      state      TEXT NOT NULL CHECK (state IN ('staging', 'applying')),
      started_at TEXT NOT NULL
    ) STRICT;
    CREATE TABLE import_staged (
      run_id      TEXT NOT NULL REFERENCES import_runs (id),
      seq         INTEGER NOT NULL,
      kind        TEXT NOT NULL CHECK (kind IN ('new', 'update')),
      entry_id    TEXT NOT NULL,
      attendee_id TEXT NOT NULL,
      station     TEXT NOT NULL,
      hlc         TEXT NOT NULL,
      data        TEXT NOT NULL,
      PRIMARY KEY (run_id, seq)
    ) STRICT, WITHOUT ROWID;
  `,
};
