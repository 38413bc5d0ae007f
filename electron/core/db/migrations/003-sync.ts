import type { Migration } from './migration';

/**
 * Sync (issue 5): entries pulled from the hub are marked, so the station pushes only what it made
 * itself (pushing them back would be harmless, the hub dedupes, but it would double the traffic).
 * Hub URL, key, cursor and the acknowledged seq are station-local settings in `meta`.
 */
export const migration003: Migration = {
  version: 3,
  name: 'sync: mark pulled entries',
  sql: `
    ALTER TABLE entries ADD COLUMN pulled INTEGER NOT NULL DEFAULT 0;
  `,
};
