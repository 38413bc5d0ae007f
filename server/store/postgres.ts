import pg from 'pg';
import type { Entry } from '../../shared/domain/entry';
import { entryWithoutPersonalFields } from '../../shared/domain/personal-fields';
import { MusubiError } from '../../shared/errors';
import type { HubStation } from '../../shared/sync/protocol';
import { migrateHubSchema } from './postgres-schema';
import { StoreUnavailableError, type HubStore, type HubStoreTx, type OwnBatch, type PulledBatch, type StoreResult } from './types';

type Queryable = pg.Pool | pg.PoolClient;

/**
 * Serialises appends per event (hub_append, postgres-schema.ts): the event's row in hub_events is
 * locked (inserted on first use), the new entries are numbered from its last_seq, and the lock is
 * held until the append's transaction commits. So seq values become visible in the order they were
 * handed out: a reader that sees seq n committed sees every seq below n too, and a cursor never
 * passes an entry that is not yet visible. A rolled-back append hands its numbers back (last_seq
 * rolls back with it), so there are no gaps either.
 */
const APPEND = 'SELECT accepted, last_seq FROM hub_append($1, $2::text[], $3::text[], $4)';

const CONNECTION_STATES = /^(08|57P|53)/;

/** Connection trouble (refused, reset, server shutting down, too many clients), not a bad query. */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return CONNECTION_STATES.test(code);
  return error instanceof Error;
}

/** The database's address for messages: never the password. */
export function describeDatabase(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'the given PostgreSQL URL';
  }
}

export class PostgresHubStore implements HubStore {
  readonly kind = 'postgres';

  private constructor(
    private readonly pool: pg.Pool,
    readonly storeId: string,
  ) {}

  /** Connects, applies the migrations and reads the store id; a clear error when the database cannot be reached. */
  static async open(url: string, options: { maxConnections?: number } = {}): Promise<PostgresHubStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 8,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
      query_timeout: 30_000,
      keepAlive: true,
      application_name: 'musubi-hub',
    });
    // An idle connection dropped by a restarting server is only logged: the pool replaces it.
    pool.on('error', (error) => console.error(`[hub] database connection lost: ${error.message.slice(0, 120)}`));
    try {
      const client = await pool.connect();
      try {
        await migrateHubSchema(client);
        const row = (await client.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'store_id'")).rows[0];
        return new PostgresHubStore(pool, row?.value ?? '');
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      if (error instanceof MusubiError) throw error;
      const reason = (error as { code?: string }).code ?? (error as Error).message.slice(0, 120);
      throw new MusubiError(
        'network',
        `The hub database ${describeDatabase(url)} cannot be reached or opened (${reason}). Start PostgreSQL, or check --database / MUSUBI_HUB_DATABASE.`,
        'database',
      );
    }
  }

  /** Runs a query, turning connection trouble into StoreUnavailableError (the hub answers 503). */
  private async query<R extends pg.QueryResultRow>(on: Queryable, text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await on.query<R>(text, values);
    } catch (error) {
      if (isUnavailable(error)) throw new StoreUnavailableError(`database unavailable: ${(error as Error).message.slice(0, 120)}`);
      throw error;
    }
  }

  private async withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new StoreUnavailableError(`database unavailable: ${(error as Error).message.slice(0, 120)}`);
    }
    let broken = false;
    // A server that goes away between two queries of a transaction is reported on the client;
    // unheard, that event would end the process. The next query then fails and says so.
    const onError = (): void => {
      broken = true;
    };
    client.on('error', onError);
    try {
      return await work(client);
    } catch (error) {
      broken ||= error instanceof StoreUnavailableError;
      throw error;
    } finally {
      client.off('error', onError);
      // A connection that failed mid-transaction is not reused.
      client.release(broken);
    }
  }

  private async inTransaction<T>(client: pg.PoolClient, work: () => Promise<T>): Promise<T> {
    await this.query(client, 'BEGIN');
    try {
      const result = await work();
      await this.query(client, 'COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** On the pool, the call is its own transaction (one round trip); on a client, part of the caller's. */
  private async addWith(on: Queryable, eventId: string, entries: readonly Entry[], fromUpstream: boolean): Promise<StoreResult> {
    const ids = entries.map((e) => e.id);
    const bodies = entries.map((e) => JSON.stringify(e));
    const row = (await this.query<{ accepted: string; last_seq: string }>(on, APPEND, [eventId, ids, bodies, fromUpstream])).rows[0];
    const accepted = Number(row?.accepted ?? 0);
    return { accepted, duplicates: entries.length - accepted, cursor: Number(row?.last_seq ?? 0) };
  }

  private async setMetaWith(on: Queryable, key: string, value: string): Promise<void> {
    await this.query(on, 'INSERT INTO hub_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }

  add(eventId: string, entries: readonly Entry[], fromUpstream = false): Promise<StoreResult> {
    return this.addWith(this.pool, eventId, entries, fromUpstream);
  }

  async read(eventId: string, after: number, limit: number): Promise<PulledBatch> {
    // One statement, so one snapshot: the page and the event's counter agree (both are written by
    // the same append). The page comes back as one joined text, not one JS row per entry.
    const row = (
      await this.query<{ count: string; last: string | null; joined: string | null; last_seq: string | null }>(
        this.pool,
        `SELECT count(*) AS count, max(seq) AS last, string_agg(body, ',' ORDER BY seq) AS joined,
                (SELECT last_seq FROM hub_events WHERE event_id = $1) AS last_seq
         FROM (SELECT seq, body FROM hub_entries WHERE event_id = $1 AND seq > $2 ORDER BY seq LIMIT $3) page`,
        [eventId, after, limit],
      )
    ).rows[0];
    const lastSeq = Number(row?.last_seq ?? 0);
    const count = Number(row?.count ?? 0);
    if (count > 0) return { joined: row?.joined ?? '', count, cursor: Number(row?.last), more: Number(row?.last) < lastSeq };
    // Nothing after `after`: answer the event's real last seq when it is lower (see SqliteHubStore.read).
    return { joined: '', count: 0, cursor: Math.min(after, lastSeq), more: false };
  }

  async readOwn(eventId: string, after: number, limit: number): Promise<OwnBatch> {
    const rows = (
      await this.query<{ seq: string; body: string }>(
        this.pool,
        'SELECT seq, body FROM hub_entries WHERE event_id = $1 AND seq > $2 AND NOT from_upstream ORDER BY seq LIMIT $3',
        [eventId, after, limit],
      )
    ).rows;
    return { entries: rows.map((r) => JSON.parse(r.body) as Entry), lastSeq: rows.length > 0 ? Number(rows.at(-1)?.seq) : after };
  }

  async seen(eventId: string, station: string, pushed: number, at: string): Promise<void> {
    await this.query(
      this.pool,
      `INSERT INTO hub_stations (event_id, station, last_seen_at, pushed) VALUES ($1, $2, $3, $4)
       ON CONFLICT (event_id, station) DO UPDATE SET last_seen_at = excluded.last_seen_at, pushed = hub_stations.pushed + excluded.pushed`,
      [eventId, station, at, pushed],
    );
  }

  async stations(eventId: string): Promise<HubStation[]> {
    const rows = (
      await this.query<{ station: string; last_seen_at: string; pushed: string }>(
        this.pool,
        'SELECT station, last_seen_at, pushed FROM hub_stations WHERE event_id = $1 ORDER BY station COLLATE "C"',
        [eventId],
      )
    ).rows;
    return rows.map((r) => ({ station: r.station, lastSeenAt: r.last_seen_at, pushed: Number(r.pushed) }));
  }

  async getMeta(key: string): Promise<string | undefined> {
    return (await this.query<{ value: string }>(this.pool, 'SELECT value FROM hub_meta WHERE key = $1', [key])).rows[0]?.value;
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.setMetaWith(this.pool, key, value);
  }

  transaction<T>(work: (tx: HubStoreTx) => Promise<T>): Promise<T> {
    return this.withClient((client) =>
      this.inTransaction(client, () =>
        work({
          add: (eventId, entries, fromUpstream = false) => this.addWith(client, eventId, entries, fromUpstream),
          setMeta: (key, value) => this.setMetaWith(client, key, value),
        }),
      ),
    );
  }

  async purgePersonalData(eventId: string): Promise<{ entries: number }> {
    const entries = await this.withClient((client) =>
      this.inTransaction(client, async () => {
        // The event's row lock (as an append takes it) keeps pushes of this event out meanwhile.
        await this.query(client, 'SELECT last_seq FROM hub_events WHERE event_id = $1 FOR UPDATE', [eventId]);
        const rows = (
          await this.query<{ seq: string; body: string }>(
            client,
            `SELECT seq, body FROM hub_entries WHERE event_id = $1 AND body LIKE '%"type":"attendee.upsert"%'`,
            [eventId],
          )
        ).rows;
        const seqs: string[] = [];
        const bodies: string[] = [];
        for (const row of rows) {
          const purged = entryWithoutPersonalFields(row.body);
          if (purged !== null) {
            seqs.push(row.seq);
            bodies.push(purged);
          }
        }
        if (seqs.length > 0) {
          await this.query(
            client,
            `UPDATE hub_entries h SET body = t.body FROM unnest($2::bigint[], $3::text[]) AS t(seq, body)
             WHERE h.event_id = $1 AND h.seq = t.seq`,
            [eventId, seqs, bodies],
          );
        }
        return seqs.length;
      }),
    );
    // Marks the old row versions free; VACUUM FULL (an exclusive rewrite of the table) is the
    // database administrator's call on a hub that other events share.
    await this.query(this.pool, 'VACUUM hub_entries');
    return { entries };
  }

  async reachable(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), 2000);
    });
    try {
      return await Promise.race([this.pool.query('SELECT 1').then(() => true, () => false), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
