import type { Entry } from '../shared/domain/entry';
import type { HubStation } from '../shared/sync/protocol';
import { readHubMeta, type HubDb } from './db/schema';

export interface StoreResult {
  accepted: number;
  duplicates: number;
  /** The highest seq of this event after the push. */
  cursor: number;
}

export interface PulledBatch {
  /** Entry JSON texts as stored (already validated on the way in). */
  bodies: string[];
  cursor: number;
  more: boolean;
}

/**
 * The hub's entry store: set union by (event, entry id), each new entry numbered by `seq` in
 * arrival order. Pushing the same entries again changes nothing, which makes a replayed or
 * duplicated request harmless.
 */
export class HubStore {
  private readonly insert;
  private readonly maxSeq;
  private readonly page;
  private readonly touch;

  /** Random per store: tells stations their cursor belongs to this store (see pullResponseSchema). */
  readonly storeId: string;

  constructor(readonly db: HubDb) {
    this.storeId = readHubMeta(db, 'store_id') ?? '';
    this.insert = db.prepare('INSERT OR IGNORE INTO entries (event_id, id, body, from_upstream) VALUES (?, ?, ?, ?)');
    this.maxSeq = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM entries WHERE event_id = ?');
    this.page = db.prepare('SELECT seq, body FROM entries WHERE event_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.touch = db.prepare(
      `INSERT INTO stations (event_id, station, last_seen_at, pushed) VALUES (?, ?, ?, ?)
       ON CONFLICT (event_id, station) DO UPDATE SET last_seen_at = excluded.last_seen_at, pushed = pushed + excluded.pushed`,
    );
  }

  add(eventId: string, entries: readonly Entry[], fromUpstream = false): StoreResult {
    return this.db.transaction(() => {
      let accepted = 0;
      for (const entry of entries) {
        accepted += this.insert.run(eventId, entry.id, JSON.stringify(entry), fromUpstream ? 1 : 0).changes;
      }
      return { accepted, duplicates: entries.length - accepted, cursor: this.cursor(eventId) };
    })();
  }

  cursor(eventId: string): number {
    return (this.maxSeq.get(eventId) as { seq: number }).seq;
  }

  read(eventId: string, after: number, limit: number): PulledBatch {
    const rows = this.page.all(eventId, after, limit + 1) as { seq: number; body: string }[];
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    // Nothing after `after`: answer the event's real last seq. A cursor below the station's says
    // this hub lost entries (restored from an old backup, or a new hub at the same address), and
    // the station starts over with it instead of silently missing what comes next.
    return { bodies: page.map((r) => r.body), cursor: page.at(-1)?.seq ?? Math.min(after, this.cursor(eventId)), more };
  }

  /** Entries this hub has that did not come from its upstream, after `after` (for the relay). */
  readOwn(eventId: string, after: number, limit: number): { entries: Entry[]; lastSeq: number } {
    const rows = this.db
      .prepare('SELECT seq, body FROM entries WHERE event_id = ? AND seq > ? AND from_upstream = 0 ORDER BY seq LIMIT ?')
      .all(eventId, after, limit) as { seq: number; body: string }[];
    return { entries: rows.map((r) => JSON.parse(r.body) as Entry), lastSeq: rows.at(-1)?.seq ?? after };
  }

  seen(eventId: string, station: string, pushed: number, at: string): void {
    this.touch.run(eventId, station, at, pushed);
  }

  stations(eventId: string): HubStation[] {
    return (
      this.db
        .prepare('SELECT station, last_seen_at, pushed FROM stations WHERE event_id = ? ORDER BY station')
        .all(eventId) as { station: string; last_seen_at: string; pushed: number }[]
    ).map((r) => ({ station: r.station, lastSeenAt: r.last_seen_at, pushed: r.pushed }));
  }
}
