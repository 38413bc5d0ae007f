import type { Migration } from './migration';

/**
 * Partner suggestions (issue 18): the consent field and "has left" on the row the UI reads, the
 * presence marks ("I have left" / "I am back") kept as facts and joined like check-in undos (a mark
 * may arrive before or after the check-ins it is compared with), and the suggestions shown, one row
 * per `partners.suggested` entry, which every station counts for the fairness cap.
 */
export const migration006: Migration = {
  version: 6,
  name: 'partner suggestions: consent, presence, suggestions shown',
  sql: `
    ALTER TABLE attendees ADD COLUMN partner_consent INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE attendees ADD COLUMN left_room INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE presence_marks (
      id          TEXT PRIMARY KEY,
      attendee_id TEXT NOT NULL,
      hlc         TEXT NOT NULL,
      state       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX presence_marks_by_attendee ON presence_marks (attendee_id);

    CREATE TABLE partner_suggestions (
      id          TEXT PRIMARY KEY,
      attendee_id TEXT NOT NULL,
      hlc         TEXT NOT NULL,
      at          TEXT NOT NULL,
      suggested   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX partner_suggestions_by_attendee ON partner_suggestions (attendee_id);
  `,
};
