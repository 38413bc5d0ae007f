import type { Migration } from './migration';

/**
 * The organizer's attendee list pages through everyone by reading (electron/core/roster/list.ts);
 * people without a reading (most non-Japanese names) sort by their name. This index lets a page of 100,000 people be read without sorting the table each time.
 */
export const migration007: Migration = {
  version: 7,
  name: 'attendee list by reading',
  sql: `
    CREATE INDEX attendees_by_reading ON attendees (removed, (CASE WHEN name_kana <> '' THEN name_kana ELSE name END), name, id);
  `,
};
