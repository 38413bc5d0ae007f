import type { Migration } from './migration';

/**
 * The event log and its projections (docs/architecture.md "The event log and the projection").
 * `entries.seq` is the local arrival order: sync pushes what the hub has not acknowledged by it.
 * Per-field LWW state lives in *_fields tables; `attendees` is the row the UI reads.
 */
export const migration001: Migration = {
  version: 1,
  name: 'event log and projections',
  sql: `
    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE entries (
      seq         INTEGER PRIMARY KEY AUTOINCREMENT,
      id          TEXT NOT NULL UNIQUE,
      station     TEXT NOT NULL,
      hlc         TEXT NOT NULL,
      type        TEXT NOT NULL,
      attendee_id TEXT,
      data        TEXT NOT NULL
    ) STRICT;
    CREATE INDEX entries_by_attendee ON entries (attendee_id);

    CREATE TABLE settings_fields (
      field    TEXT PRIMARY KEY,
      value    TEXT NOT NULL,
      hlc      TEXT NOT NULL,
      entry_id TEXT NOT NULL
    ) STRICT;

    CREATE TABLE attendee_fields (
      attendee_id TEXT NOT NULL,
      field       TEXT NOT NULL,
      value       TEXT NOT NULL,
      hlc         TEXT NOT NULL,
      entry_id    TEXT NOT NULL,
      PRIMARY KEY (attendee_id, field)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE attendees (
      id           TEXT PRIMARY KEY,
      ticket_code  TEXT NOT NULL DEFAULT '',
      name         TEXT NOT NULL DEFAULT '',
      name_kana    TEXT NOT NULL DEFAULT '',
      company      TEXT NOT NULL DEFAULT '',
      title        TEXT NOT NULL DEFAULT '',
      industry     TEXT NOT NULL DEFAULT '',
      goals        TEXT NOT NULL DEFAULT '[]',
      looking_for  TEXT NOT NULL DEFAULT '[]',
      email        TEXT NOT NULL DEFAULT '',
      phone        TEXT NOT NULL DEFAULT '',
      walk_in      INTEGER NOT NULL DEFAULT 0,
      vcard_opt_in INTEGER NOT NULL DEFAULT 0,
      note         TEXT NOT NULL DEFAULT '',
      removed      INTEGER NOT NULL DEFAULT 0,
      search_text  TEXT NOT NULL DEFAULT '',
      checkin_id   TEXT,
      checked_in_at TEXT,
      checked_in_station TEXT,
      checkin_source TEXT,
      conflict_count INTEGER NOT NULL DEFAULT 0,
      badge_prints INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX attendees_by_ticket ON attendees (ticket_code) WHERE ticket_code <> '';

    CREATE TABLE checkins (
      id          TEXT PRIMARY KEY,
      attendee_id TEXT NOT NULL,
      station     TEXT NOT NULL,
      hlc         TEXT NOT NULL,
      source      TEXT NOT NULL,
      scanned_at  TEXT NOT NULL
    ) STRICT;
    CREATE INDEX checkins_by_attendee ON checkins (attendee_id);

    -- An undo may arrive before the check-in it undoes (sync order is arbitrary), so undos are
    -- kept on their own and joined, never applied destructively.
    CREATE TABLE checkin_undos (
      id          TEXT PRIMARY KEY,
      of_checkin  TEXT NOT NULL,
      attendee_id TEXT NOT NULL
    ) STRICT;
    CREATE INDEX checkin_undos_by_checkin ON checkin_undos (of_checkin);

    CREATE TABLE badge_prints (
      id          TEXT PRIMARY KEY,
      attendee_id TEXT NOT NULL,
      station     TEXT NOT NULL,
      hlc         TEXT NOT NULL,
      printer     TEXT NOT NULL,
      copies      INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX badge_prints_by_attendee ON badge_prints (attendee_id);
  `,
};
