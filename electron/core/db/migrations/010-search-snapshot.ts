import type { Migration } from './migration';

/**
 * The search index survives a restart and follows other connections' writes without a rebuild
 * (docs/decisions.md "Search is an in-memory index per database"):
 * - `search_journal`: every change to what search looks at (a new, removed or renamed person), by
 *   whichever connection made it (triggers, so `musubi import` beside a running station counts
 *   too). Check-ins and other columns are not journaled. `seq` only grows (AUTOINCREMENT), so "the
 *   changes after N" is one range read.
 * - `search_snapshots` / `search_snapshot_parts`: the built index, in parts written one by one; a
 *   snapshot counts only once its `search_snapshots` row is written (the last, small transaction),
 *   so a crash in the middle of a save leaves no snapshot, never a partial one (a save removes the
 *   old one first, so that the file holds one). `seq` is the journal position the snapshot had
 *   seen: the journal after it is what a loaded snapshot still lacks.
 * - `entries_by_hlc`: every process that records entries starts its clock from the log's newest
 *   stamp (`latestHlc`); without an index that was a scan of the whole log, ~0.4 s of a station's
 *   start with 100,000 people.
 */
export const migration010: Migration = {
  version: 10,
  name: 'search snapshot and journal',
  sql: `
    CREATE INDEX entries_by_hlc ON entries (hlc);

    CREATE TABLE search_journal (
      seq         INTEGER PRIMARY KEY AUTOINCREMENT,
      attendee_id TEXT NOT NULL
    ) STRICT;

    CREATE TRIGGER search_journal_insert AFTER INSERT ON attendees
    BEGIN
      INSERT INTO search_journal (attendee_id) VALUES (NEW.id);
    END;

    CREATE TRIGGER search_journal_update AFTER UPDATE OF id, ticket_code, name, name_kana, nickname, company, email, removed ON attendees
    WHEN OLD.id IS NOT NEW.id OR OLD.ticket_code IS NOT NEW.ticket_code OR OLD.name IS NOT NEW.name
      OR OLD.name_kana IS NOT NEW.name_kana OR OLD.nickname IS NOT NEW.nickname OR OLD.company IS NOT NEW.company OR OLD.email IS NOT NEW.email
      OR OLD.removed IS NOT NEW.removed
    BEGIN
      INSERT INTO search_journal (attendee_id) VALUES (OLD.id);
      INSERT INTO search_journal (attendee_id) SELECT NEW.id WHERE NEW.id IS NOT OLD.id;
    END;

    CREATE TRIGGER search_journal_delete AFTER DELETE ON attendees
    BEGIN
      INSERT INTO search_journal (attendee_id) VALUES (OLD.id);
    END;

    CREATE TABLE search_snapshots (
      id      INTEGER PRIMARY KEY,
      seq     INTEGER NOT NULL,
      format  TEXT NOT NULL,
      meta    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE search_snapshot_parts (
      snapshot INTEGER NOT NULL,
      name     TEXT NOT NULL,
      data     BLOB NOT NULL,
      PRIMARY KEY (snapshot, name)
    ) STRICT;
  `,
};
