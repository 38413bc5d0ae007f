import type { Migration } from './migration';

/**
 * Search moved to an in-memory index kept up to date by the projection
 * (electron/core/search/attendee-index.ts), so the precomputed LIKE column is no longer read;
 * dropping it also spares every attendee write (and 100,000-row imports) the work of filling it.
 */
export const migration002: Migration = {
  version: 2,
  name: 'search index in memory',
  sql: `
    ALTER TABLE attendees DROP COLUMN search_text;
  `,
};
