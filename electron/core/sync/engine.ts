import type { Entry } from '../../../shared/domain/entry';
import type { HybridClock } from '../../../shared/domain/hlc';
import type { HubClient } from '../../../shared/sync/hub-client';
import { MAX_BATCH } from '../../../shared/sync/protocol';
import type { Db } from '../db/types';
import { appendEntries, entryFromRow } from '../log/append';
import { readCursor, readPushedSeq, writeCursor, writePushedSeq } from './config';

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

interface LocalRow {
  seq: number;
  id: string;
  station: string;
  hlc: string;
  type: Entry['type'];
  attendee_id: string | null;
  data: string;
}

/** Local entries (not pulled from a hub) after `seq`, in arrival order. */
function unpushed(db: Db, afterSeq: number, limit: number): LocalRow[] {
  return db
    .prepare('SELECT seq, id, station, hlc, type, attendee_id, data FROM entries WHERE seq > ? AND pulled = 0 ORDER BY seq LIMIT ?')
    .all(afterSeq, limit) as LocalRow[];
}

export function countWaiting(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM entries WHERE seq > ? AND pulled = 0').get(readPushedSeq(db)) as { n: number }).n;
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

/** Applies one pulled batch and its cursor atomically. Throws `clock-drift` (and applies nothing) for a clock far ahead. */
export function applyPulled(db: Db, clock: HybridClock, entries: readonly Entry[], cursor: number): number {
  const markPulled = db.prepare('UPDATE entries SET pulled = 1 WHERE id = ?');
  return db.transaction(() => {
    for (const entry of entries) clock.observe(entry.hlc);
    const { applied } = appendEntries(db, entries);
    for (const entry of applied) markPulled.run(entry.id);
    writeCursor(db, cursor);
    return applied.length;
  })();
}

export async function pullAvailable(deps: SyncRoundDeps): Promise<number> {
  let pulled = 0;
  for (;;) {
    const page = await deps.client.pull(readCursor(deps.db), deps.pullLimit ?? MAX_BATCH);
    const applied = applyPulled(deps.db, deps.clock, page.entries, page.cursor);
    pulled += applied;
    if (page.entries.length > 0) deps.onProgress?.({ kind: 'pulled', count: applied });
    if (!page.more) return pulled;
  }
}

export async function syncRound(deps: SyncRoundDeps): Promise<SyncRoundResult> {
  const pushed = await pushPending(deps);
  const pulled = await pullAvailable(deps);
  return { pushed, pulled };
}
