import { performance } from 'node:perf_hooks';
import type { Entry } from '../../../shared/domain/entry';
import type { HybridClock } from '../../../shared/domain/hlc';
import type { HubClient } from '../../../shared/sync/hub-client';
import { MAX_BATCH } from '../../../shared/sync/protocol';
import { relaxedTransaction } from '../db/relaxed-transaction';
import type { Db } from '../db/types';
import { ChunkSizer, yieldToEventLoop } from '../db/slices';
import { searchIndexFor } from '../search/attendee-index';
import { appendEntries, entryFromRow, type EntryRow } from '../log/append';
import { cachedStatement } from '../db/statements';
import { readCursor, readHubStore, readPushedSeq, writeCursor, writeHubStore, writePushedSeq } from './config';

/**
 * One sync round against a hub (protocol v1): push every local entry the hub has not
 * acknowledged, then pull after the cursor, repeating while the hub says there is more. Each pulled
 * batch is applied in one transaction together with the new cursor, so a station killed at any
 * moment either has a batch (and its cursor) or neither, and simply resumes.
 */

export interface SyncRoundResult {
  pushed: number;
  pulled: number;
}

export interface SyncRoundDeps {
  db: Db;
  client: HubClient;
  clock: HybridClock;
  pullLimit?: number;
  onProgress?: (event: { kind: 'pushed' | 'pulled'; count: number }) => void;
}

interface LocalRow extends EntryRow {
  seq: number;
}

/** Local entries (not pulled from a hub) after `seq`, in arrival order. */
function unpushed(db: Db, afterSeq: number, limit: number): LocalRow[] {
  return cachedStatement(db, 'SELECT seq, id, station, hlc, type, attendee_id, data FROM entries WHERE seq > ? AND pulled = 0 ORDER BY seq LIMIT ?')
    .all(afterSeq, limit) as LocalRow[];
}

/** Smallest and first push batch (entries); the largest is the protocol's 5,000. */
const MIN_PUSH_BATCH = 100;
const FIRST_PUSH_BATCH = 250;

/**
 * Pushes what the hub has not acknowledged, in batches sized (like a pull's pages) so that reading
 * and serialising one holds the thread ~12 ms: a station paired after a day offline, or for the
 * first time with 100,000 entries of its own, pushes them between the desk's requests. The
 * synchronous part of a batch is the read, the rows made entries, and the request bodies
 * (`HubClient.push` serialises before it first waits).
 */
export async function pushPending(deps: SyncRoundDeps): Promise<number> {
  const sizer = new ChunkSizer(MIN_PUSH_BATCH, MAX_BATCH, FIRST_PUSH_BATCH);
  let pushed = 0;
  for (;;) {
    const start = performance.now();
    const rows = unpushed(deps.db, readPushedSeq(deps.db), sizer.size);
    const last = rows.at(-1);
    if (!last) return pushed;
    const sending = deps.client.push(rows.map(entryFromRow));
    sizer.observe(rows.length, performance.now() - start);
    await sending;
    // Only after the hub answered: a lost answer means pushing again, which the hub dedupes.
    writePushedSeq(deps.db, last.seq);
    pushed += rows.length;
    deps.onProgress?.({ kind: 'pushed', count: rows.length });
  }
}

/**
 * Applies one pulled batch and its cursor atomically. Throws `clock-drift` (and applies nothing)
 * for a clock far ahead. The batch commits with `synchronous = NORMAL`: in WAL mode that is still
 * atomic, and a batch lost to a power cut comes back with the next pull because its cursor was
 * lost with it. Local check-ins keep FULL: the pragma is restored before anything else can run.
 */
export function applyPulled(db: Db, clock: HybridClock, entries: readonly Entry[], cursor: number): number {
  return relaxedTransaction(db, () => {
    for (const entry of entries) clock.observe(entry.hlc);
    const { applied } = appendEntries(db, entries, { pulled: true });
    writeCursor(db, cursor);
    return applied.length;
  });
}

/** Smallest and first page a pull asks for when no `pullLimit` is given (see `pullAvailable`). */
const MIN_PULL_PAGE = 100;

/**
 * Pulls until the hub has no more, asking for the next page while the current one is applied, so
 * the hub's reading and the transfer overlap with this station's projection work.
 *
 * A page costs the desk two steps, each holding the thread in one go: reading the hub's answer
 * (JSON and the checks of every entry, when it arrives) and applying it (one transaction with its
 * cursor, and the search index's share). Pages are sized so that the longer of the two takes
 * ~12 ms, from how long the last page's took per entry (between 100 and the protocol's 5,000,
 * starting small: the first page is read before anything is known), and the event loop gets a
 * turn between reading and applying and after each page. `pullLimit` fixes the size (tests).
 */
export async function pullAvailable(deps: SyncRoundDeps): Promise<number> {
  // The search index starts no full build until the run of pages is over (`holdBuilds`): a build
  // started in the middle of a large pull is out of date before it ends.
  const release = searchIndexFor(deps.db).holdBuilds();
  try {
    return await pullPages(deps);
  } finally {
    release();
  }
}

async function pullPages(deps: SyncRoundDeps): Promise<number> {
  const sizer = new ChunkSizer(MIN_PULL_PAGE, MAX_BATCH, deps.pullLimit ?? MIN_PULL_PAGE);
  const limit = (): number => deps.pullLimit ?? sizer.size;
  let pulled = 0;
  const after = readCursor(deps.db);
  let page = await deps.client.pull(after, limit());
  const known = readHubStore(deps.db);
  if (page.cursor < after || (page.hub !== undefined && known !== undefined && page.hub !== known)) {
    // Another store, or one with less than this station saw from it: start over from zero
    // (pushes and pulls are idempotent, so nothing is lost or doubled).
    resetProgress(deps.db, page.hub);
    throw new HubForgotError();
  }
  if (page.hub !== undefined && known === undefined) writeHubStore(deps.db, page.hub);
  for (;;) {
    // The answer was read in the task that received it: the desk's requests come before the apply.
    await yieldToEventLoop();
    const next = page.more ? deps.client.pull(page.cursor, limit()) : undefined;
    // A failed prefetch is reported by the await below, not as an unhandled rejection.
    next?.catch(() => undefined);
    let applied: number;
    try {
      const current = page;
      const start = performance.now();
      applied = applyPulled(deps.db, deps.clock, current.entries, current.cursor);
      // The search index's share of the page is part of the page's time.
      searchIndexFor(deps.db).keepUp();
      // Sized by what the page held: duplicates cost their insert attempt too.
      sizer.observe(current.entries.length, Math.max(current.readMs, performance.now() - start));
    } catch (error) {
      await next?.catch(() => undefined);
      throw error;
    }
    pulled += applied;
    if (page.entries.length > 0) deps.onProgress?.({ kind: 'pulled', count: applied });
    if (!next) return pulled;
    await yieldToEventLoop();
    page = await next;
  }
}

/** Thrown inside a round when the hub turned out to have forgotten entries; the round starts over. */
class HubForgotError extends Error {}

function resetProgress(db: Db, hubStore: string | undefined): void {
  db.transaction(() => {
    writeCursor(db, 0);
    writePushedSeq(db, 0);
    if (hubStore !== undefined) writeHubStore(db, hubStore);
  }).immediate();
}

export async function syncRound(deps: SyncRoundDeps): Promise<SyncRoundResult> {
  let pushed = await pushPending(deps);
  try {
    return { pushed, pulled: await pullAvailable(deps) };
  } catch (error) {
    if (!(error instanceof HubForgotError)) throw error;
    pushed += await pushPending(deps);
    return { pushed, pulled: await pullAvailable(deps) };
  }
}
