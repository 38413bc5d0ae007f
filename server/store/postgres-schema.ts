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
  {
    // One round trip per push: the append as one function call, run in the push's own
    // transaction. Each statement inside takes a new snapshot, so the duplicate check after the
    // lock sees what the append before it committed.
    version: 2,
    sql: `
      CREATE FUNCTION hub_append(p_event text, p_ids text[], p_bodies text[], p_from_upstream boolean,
                                 OUT accepted bigint, OUT last_seq bigint)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        base bigint;
      BEGIN
        -- Locks the event's counter until the transaction ends (waiting for the append before).
        INSERT INTO hub_events AS e (event_id, last_seq) VALUES (p_event, 0)
          ON CONFLICT (event_id) DO UPDATE SET last_seq = e.last_seq
          RETURNING e.last_seq INTO base;
        WITH input AS (
          SELECT t.id, t.body, t.ord FROM unnest(p_ids, p_bodies) WITH ORDINALITY AS t(id, body, ord)
        ), fresh AS (
          SELECT DISTINCT ON (i.id) i.id, i.body, i.ord FROM input i
          WHERE NOT EXISTS (SELECT 1 FROM hub_entries x WHERE x.event_id = p_event AND x.id = i.id)
          ORDER BY i.id, i.ord
        ), inserted AS (
          INSERT INTO hub_entries (event_id, seq, id, body, from_upstream)
          SELECT p_event, base + row_number() OVER (ORDER BY f.ord), f.id, f.body, p_from_upstream FROM fresh f
          RETURNING 1
        )
        SELECT count(*) INTO accepted FROM inserted;
        last_seq := base + accepted;
        IF accepted > 0 THEN
          UPDATE hub_events SET last_seq = base + accepted WHERE event_id = p_event;
        END IF;
      END
      $fn$;
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
