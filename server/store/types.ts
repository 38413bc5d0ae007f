import type { Entry } from '../../shared/domain/entry';
import type { HubStation } from '../../shared/sync/protocol';

export interface StoreResult {
  accepted: number;
  duplicates: number;
  /** The highest seq of this event after the push. */
  cursor: number;
}

export interface PulledBatch {
  /**
   * The entries' JSON texts as stored (validated on the way in), joined with commas: the answer's
   * `entries` list without its brackets, so a page is sent without re-encoding each entry.
   */
  joined: string;
  /** How many entries `joined` holds. */
  count: number;
  cursor: number;
  more: boolean;
}

export interface OwnBatch {
  entries: Entry[];
  lastSeq: number;
}

/** What can be done inside one store transaction: all of it is kept, or none. */
export interface HubStoreTx {
  add(eventId: string, entries: readonly Entry[], fromUpstream?: boolean): Promise<StoreResult>;
  setMeta(key: string, value: string): Promise<void>;
}

/**
 * The hub's entry store, whatever holds it (an embedded SQLite file, or PostgreSQL shared by
 * several hub processes): a set union by (event, entry id), each new entry numbered by `seq` in
 * arrival order. Pushing the same entries again changes nothing, which makes a replayed or
 * duplicated request harmless. A pull after a cursor never skips an entry: every entry with a
 * seq at or below a cursor the store has answered is already readable.
 */
export interface HubStore extends HubStoreTx {
  /** Random per store: tells stations their cursor belongs to this store (see pullResponseSchema). */
  readonly storeId: string;
  /** `sqlite` or `postgres`, for /v1/health and the logs. */
  readonly kind: string;
  read(eventId: string, after: number, limit: number): Promise<PulledBatch>;
  /** Entries this hub has that did not come from its upstream, after `after` (for the relay). */
  readOwn(eventId: string, after: number, limit: number): Promise<OwnBatch>;
  seen(eventId: string, station: string, pushed: number, at: string): Promise<void>;
  stations(eventId: string): Promise<HubStation[]>;
  getMeta(key: string): Promise<string | undefined>;
  transaction<T>(work: (tx: HubStoreTx) => Promise<T>): Promise<T>;
  /**
   * After the event: rewrites the event's stored entries without personal fields
   * (shared/domain/personal-fields.ts), so the store holds no name, e-mail … of it any more, and
   * lets the database reclaim the old bytes. Answers how many entries were rewritten.
   */
  purgePersonalData(eventId: string): Promise<{ entries: number }>;
  /** Whether the database answers right now (for /v1/health). */
  reachable(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The store cannot reach its database right now (PostgreSQL restarting, network cut). The hub
 * answers 503 so stations back off and retry; nothing was half-stored.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}
