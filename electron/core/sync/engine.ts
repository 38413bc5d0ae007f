import type { Entry } from '../../../shared/domain/entry';
import type { HybridClock } from '../../../shared/domain/hlc';
import type { HubClient } from '../../../shared/sync/hub-client';
import { MAX_BATCH } from '../../../shared/sync/protocol';
import { relaxedTransaction } from '../db/relaxed-transaction';
import type { Db } from '../db/types';
import { ChunkSizer, yieldToEventLoop } from '../db/slices';
import { searchIndexFor } from '../search/attendee-index';
import { appendEntries, entryFromRow, type EntryRow } from '../log/append';
import { readCursor, readHubStore, readPushedSeq, writeCursor, writeHubStore, writePushedSeq } from './config';

/**
 * One sync round against a hub (protocol v1): push every local entry the hub has not
 * acknowledged, then pull after the cursor, repeating while the hub says there is more. Each pulled
 * batch is applied in one transaction together with the new cursor, so a station killed at any
 * moment either has a batch (and its cursor) or neither, and simply resumes.
 */
export const PUSH_BATCH = 1000;

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
  return db
    .prepare('SELECT seq, id, station, hlc, type, attendee_id, data FROM entries WHERE seq > ? AND pulled = 0 ORDER BY seq LIMIT ?')
    .all(afterSeq, limit) as LocalRow[];
}

export async function pushPending(deps: SyncRoundDeps): Promise<number> {
  let pushed = 0;
  for (;;) {
    const rows = unpushed(deps.db, readPushedSeq(deps.db), PUSH_BATCH);
    const last = rows.at(-1);
    if (!last) return pushed;
    await deps.client.push(rows.map(entryFromRow));
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
const FIRST_PULL_PAGE = 1000;

/**
 * Pulls until the hub has no more, asking for the next page while the current one is applied, so
 * the hub's reading and the transfer overlap with this station's projection work.
 *
 * A page is one transaction with its cursor, and the desk waits behind it: pages are sized so
 * that each applies in ~12 ms (from how long the last one took per entry, between 100 and the
 * protocol's 5,000), and the event loop gets a turn after each, even when the next page has
 * already arrived. `pullLimit` fixes the page size instead (tests).
 */
export async function pullAvailable(deps: SyncRoundDeps): Promise<number> {
  const sizer = new ChunkSizer(MIN_PULL_PAGE, MAX_BATCH, deps.pullLimit ?? FIRST_PULL_PAGE);
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
    const next = page.more ? deps.client.pull(page.cursor, limit()) : undefined;
    // A failed prefetch is reported by the await below, not as an unhandled rejection.
    next?.catch(() => undefined);
    let applied: number;
    try {
      const current = page;
      let count = 0;
      // Sized by what the page held: duplicates cost their insert attempt too.
      sizer.run(() => {
        count = applyPulled(deps.db, deps.clock, current.entries, current.cursor);
        // The search index's share of the page is part of the page's time.
        searchIndexFor(deps.db).keepUp();
        return current.entries.length;
      });
      applied = count;
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
