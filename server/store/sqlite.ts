import type { Entry } from '../../shared/domain/entry';
import { entryWithoutPersonalFields } from '../../shared/domain/personal-fields';
import type { HubStation } from '../../shared/sync/protocol';
import { openHubDatabase, readHubMeta, writeHubMeta, type HubDb } from './sqlite-schema';
import type { HubStore, HubStoreTx, OwnBatch, PulledBatch, StoreResult } from './types';

/**
 * The embedded store: one SQLite file (`<dataDir>/hub.db`) for one hub process. better-sqlite3 is
 * synchronous; the methods are asynchronous only to share the interface with PostgreSQL. A
 * transaction may await between its steps, so every call waits for an open transaction to end
 * first (one connection: nothing else may run inside it).
 */
export class SqliteHubStore implements HubStore {
  readonly kind = 'sqlite';
  readonly storeId: string;
  private readonly insert;
  private readonly maxSeq;
  private readonly page;
  private readonly ownPage;
  private readonly touch;
  private readonly stationList;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly db: HubDb) {
    this.storeId = readHubMeta(db, 'store_id') ?? '';
    this.insert = db.prepare('INSERT OR IGNORE INTO entries (event_id, id, body, from_upstream) VALUES (?, ?, ?, ?)');
    this.maxSeq = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM entries WHERE event_id = ?');
    this.page = db.prepare('SELECT seq, body FROM entries WHERE event_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.ownPage = db.prepare('SELECT seq, body FROM entries WHERE event_id = ? AND seq > ? AND from_upstream = 0 ORDER BY seq LIMIT ?');
    this.touch = db.prepare(
      `INSERT INTO stations (event_id, station, last_seen_at, pushed) VALUES (?, ?, ?, ?)
       ON CONFLICT (event_id, station) DO UPDATE SET last_seen_at = excluded.last_seen_at, pushed = pushed + excluded.pushed`,
    );
    this.stationList = db.prepare('SELECT station, last_seen_at, pushed FROM stations WHERE event_id = ? ORDER BY station');
  }

  purgePersonalData(eventId: string): Promise<{ entries: number }> {
    return this.serial(() => {
      const entries = this.db.transaction(() => {
        const rows = this.db
          .prepare(`SELECT seq, body FROM entries WHERE event_id = ? AND body LIKE '%"type":"attendee.upsert"%'`)
          .all(eventId) as { seq: number; body: string }[];
        const rewrite = this.db.prepare('UPDATE entries SET body = ? WHERE seq = ?');
        let n = 0;
        for (const row of rows) {
          const purged = entryWithoutPersonalFields(row.body);
          if (purged !== null) n += rewrite.run(purged, row.seq).changes;
        }
        return n;
      }).immediate();
      // The old bytes leave the file (freed pages) and the WAL, not just the table.
      this.db.exec('VACUUM');
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      return { entries };
    });
  }

  static open(dataDir: string): SqliteHubStore {
    return new SqliteHubStore(openHubDatabase(dataDir));
  }

  /** Runs `work` once no transaction is open. */
  private serial<T>(work: () => T | Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private addNow(eventId: string, entries: readonly Entry[], fromUpstream: boolean): StoreResult {
    return this.db.transaction(() => {
      let accepted = 0;
      for (const entry of entries) {
        accepted += this.insert.run(eventId, entry.id, JSON.stringify(entry), fromUpstream ? 1 : 0).changes;
      }
      return { accepted, duplicates: entries.length - accepted, cursor: this.cursorNow(eventId) };
    })();
  }

  private cursorNow(eventId: string): number {
    return (this.maxSeq.get(eventId) as { seq: number }).seq;
  }

  add(eventId: string, entries: readonly Entry[], fromUpstream = false): Promise<StoreResult> {
    return this.serial(() => this.addNow(eventId, entries, fromUpstream));
  }

  read(eventId: string, after: number, limit: number): Promise<PulledBatch> {
    return this.serial(() => {
      const rows = this.page.all(eventId, after, limit + 1) as { seq: number; body: string }[];
      const more = rows.length > limit;
      const page = more ? rows.slice(0, limit) : rows;
      // Nothing after `after`: answer the event's real last seq. A cursor below the station's says
      // this hub lost entries (restored from an old backup, or a new hub at the same address), and
      // the station starts over with it instead of silently missing what comes next.
      return { joined: page.map((r) => r.body).join(','), count: page.length, cursor: page.at(-1)?.seq ?? Math.min(after, this.cursorNow(eventId)), more };
    });
  }

  readOwn(eventId: string, after: number, limit: number): Promise<OwnBatch> {
    return this.serial(() => {
      const rows = this.ownPage.all(eventId, after, limit) as { seq: number; body: string }[];
      return { entries: rows.map((r) => JSON.parse(r.body) as Entry), lastSeq: rows.at(-1)?.seq ?? after };
    });
  }

  seen(eventId: string, station: string, pushed: number, at: string): Promise<void> {
    return this.serial(() => {
      this.touch.run(eventId, station, at, pushed);
    });
  }

  stations(eventId: string): Promise<HubStation[]> {
    return this.serial(() =>
      (this.stationList.all(eventId) as { station: string; last_seen_at: string; pushed: number }[]).map((r) => ({
        station: r.station,
        lastSeenAt: r.last_seen_at,
        pushed: r.pushed,
      })),
    );
  }

  getMeta(key: string): Promise<string | undefined> {
    return this.serial(() => readHubMeta(this.db, key));
  }

  setMeta(key: string, value: string): Promise<void> {
    return this.serial(() => writeHubMeta(this.db, key, value));
  }

  transaction<T>(work: (tx: HubStoreTx) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const tx: HubStoreTx = {
        add: (eventId, entries, fromUpstream = false) => Promise.resolve(this.addNow(eventId, entries, fromUpstream)),
        setMeta: (key, value) => Promise.resolve(writeHubMeta(this.db, key, value)),
      };
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  reachable(): Promise<boolean> {
    return Promise.resolve(this.db.open);
  }

  close(): Promise<void> {
    return this.serial(() => {
      this.db.close();
    });
  }
}
