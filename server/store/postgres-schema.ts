import type { PoolClient } from 'pg';
import { MusubiError } from '../../shared/errors';

/**
 * The hub's tables in PostgreSQL, shared by every hub process on the database and by every event
 * they serve. Numbered migrations, applied once under an advisory lock so several processes
 * starting together do not race; `hub_schema` records the version.
 *
 * hub_events.last_seq is the per-event counter of `seq`: an append locks its event's row, numbers
 * its new entries from it and keeps the lock until it commits (see PostgresHubStore.add).
 */
const MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE hub_meta (
        key   text PRIMARY KEY,
        value text NOT NULL
      );
      CREATE TABLE hub_events (
        event_id text PRIMARY KEY,
        last_seq bigint NOT NULL DEFAULT 0
      );
      -- body: the entry exactly as validated, served back verbatim on pull.
      -- from_upstream: pulled from the upstream hub, so the relay never pushes it back.
      CREATE TABLE hub_entries (
        event_id      text    NOT NULL,
        seq           bigint  NOT NULL,
        id            text    NOT NULL,
        body          text    NOT NULL,
        from_upstream boolean NOT NULL DEFAULT false,
        PRIMARY KEY (event_id, seq),
        UNIQUE (event_id, id)
      );
      CREATE TABLE hub_stations (
        event_id     text   NOT NULL,
        station      text   NOT NULL,
        last_seen_at text   NOT NULL,
        pushed       bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (event_id, station)
      );
    `,
  },
];

/** Any constant: the advisory lock that one migrating process holds. */
const MIGRATION_LOCK = 47_810_016;

export async function migrateHubSchema(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query('CREATE TABLE IF NOT EXISTS hub_schema (version integer NOT NULL)');
    const row = (await client.query<{ version: number }>('SELECT max(version) AS version FROM hub_schema')).rows[0];
    const current = row?.version ?? 0;
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new MusubiError('database-too-new', `The hub database was written by a newer Musubi (schema ${current}); update Musubi.`);
    }
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO hub_schema (version) VALUES ($1)', [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    await client.query("INSERT INTO hub_meta (key, value) VALUES ('store_id', gen_random_uuid()::text) ON CONFLICT (key) DO NOTHING");
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}
