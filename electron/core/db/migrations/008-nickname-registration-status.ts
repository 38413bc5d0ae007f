import type { Migration } from './migration';

/**
 * Two attendee fields from the registration exports (issue 14): the display name or nickname kept
 * beside the real name (connpass 表示名, Peatix ニックネーム), and the registration status
 * (cancelled, waitlisted, pending payment), so that only registered people are expected at the door.
 * Everyone already imported was imported as registered.
 */
export const migration008: Migration = {
  version: 8,
  name: 'attendee nickname and registration status',
  sql: `
    ALTER TABLE attendees ADD COLUMN nickname TEXT NOT NULL DEFAULT '';
    ALTER TABLE attendees ADD COLUMN registration_status TEXT NOT NULL DEFAULT 'registered';
  `,
};
