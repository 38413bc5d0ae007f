import type { Migration } from './migration';

/**
 * Check-in lists (issue 14 item 4): the list of each check-in (NULL for the default list, which
 * is every check-in written before lists existed), each person's ticket type, and the official
 * check-in per list on the row the UI reads (JSON; NULL while every live check-in is on the
 * default list, so a simple event's rows stay as they were).
 */
export const migration009: Migration = {
  version: 9,
  name: 'check-in lists and ticket types',
  sql: `
    ALTER TABLE checkins ADD COLUMN list TEXT;
    ALTER TABLE attendees ADD COLUMN ticket_type TEXT NOT NULL DEFAULT '';
    ALTER TABLE attendees ADD COLUMN list_checkins TEXT;
  `,
};
