import type { Migration } from './migration';

/**
 * Bulk-created people no longer keep a packed copy of their fields in `attendee_fields` (field
 * '*'): their one upsert entry in the log is their field state (projection/attendees.ts,
 * "log-backed"). A packed row always held exactly that entry's fields, so dropping it changes no
 * one's data.
 */
export const migration004: Migration = {
  version: 4,
  name: 'log-backed field state for bulk-created people',
  sql: `
    DELETE FROM attendee_fields WHERE field = '*';
  `,
};
