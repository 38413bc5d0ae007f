/**
 * The hub on PostgreSQL, beside the same load on the embedded SQLite store, on loopback against
 * real `musubi hub` processes and a real (durable: fsync on) PostgreSQL cluster:
 * - hub.pg_push_entries_per_s: entries stored per second while 6 stations push 1,000-entry
 *   batches, with 1 and with 3 hub processes on one database (stations spread over them);
 * - hub.pg_pull_100k_s: a station's client pulls a 100,000-entry event (5,000 per page, validated);
 * - hub.sqlite_push_entries_per_s, hub.sqlite_pull_100k_s: the same on one SQLite hub.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Entry } from '../../shared/domain/entry';
import { formatHlc } from '../../shared/domain/hlc';
import { eventIdForKey } from '../../shared/sync/event-id';
import { HubClient } from '../../shared/sync/hub-client';
import { MAX_BATCH } from '../../shared/sync/protocol';
import { createDatabase, startPostgresCluster } from '../helpers/postgres';
import { startMusubi, type RunningProcess } from '../helpers/processes';
import { report } from './report';

const TOTAL = 100_000;
const BATCH = 1000;
const PUSHERS = 6;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-hub-pg-'));
const cluster = await startPostgresCluster({ durable: true });
const running: RunningProcess[] = [];

function hex(n: number): string {
  return n.toString(16).padStart(12, '0');
}

function upsert(n: number): Entry {
  return {
    id: `01900000-0000-7000-a000-${hex(n)}`,
    station: 'Bench',
    hlc: formatHlc({ ms: Date.now() - 3_600_000, counter: n % 1_000_000, node: 'bench' }),
    type: 'attendee.upsert',
    attendeeId: `01900000-0000-7000-b000-${hex(n)}`,
    data: { fields: { name: `参加者 ${n}`, nameKana: 'さんかしゃ', company: `会社 ${n % 500}`, ticketCode: `T-${n}`, industry: 'it' } },
  };
}

async function hubs(args: string[], count: number, key: string): Promise<string[]> {
  const started = await Promise.all(
    Array.from({ length: count }, () => startMusubi(['hub', ...args, '--port', '0', '--key', key], /Musubi hub is ready: (http:\/\/\S+)/)),
  );
  running.push(...started);
  return started.map((s) => s.match[1] ?? '');
}

/** Entries per second stored while PUSHERS stations push TOTAL entries, station i at hub i mod n. */
async function pushRate(urls: string[], key: string): Promise<number> {
  const eventId = await eventIdForKey(key);
  const all = Array.from({ length: TOTAL }, (_, i) => upsert(i + 1));
  const bodies: Entry[][] = [];
  for (let i = 0; i < TOTAL; i += BATCH) bodies.push(all.slice(i, i + BATCH));
  const start = performance.now();
  await Promise.all(
    Array.from({ length: PUSHERS }, async (_, w) => {
      const order = urls.map((_, k) => urls[(w + k) % urls.length] ?? '');
      const client = new HubClient({ hubUrl: order, key, eventId, station: `pusher ${w}`, timeoutMs: 60_000 });
      for (let b = w; b < bodies.length; b += PUSHERS) await client.push(bodies[b] ?? []);
    }),
  );
  return TOTAL / ((performance.now() - start) / 1000);
}

/** Seconds for one client to pull the whole event. */
async function pullSeconds(url: string, key: string): Promise<number> {
  const client = new HubClient({ hubUrl: url, key, eventId: await eventIdForKey(key), timeoutMs: 60_000 });
  const start = performance.now();
  let cursor = 0;
  let count = 0;
  for (;;) {
    const page = await client.pull(cursor, MAX_BATCH);
    count += page.entries.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  if (count !== TOTAL) throw new Error(`pulled ${count} of ${TOTAL}`);
  return (performance.now() - start) / 1000;
}

try {
  const sqliteKey = 'bench-sqlite-key-0123456789';
  const [sqliteUrl] = await hubs(['--data', path.join(dir, 'hub')], 1, sqliteKey);
  report('hub.sqlite_push_entries_per_s', await pushRate([sqliteUrl ?? ''], sqliteKey), { entries: TOTAL, batch: BATCH, pushers: PUSHERS, processes: 1 });
  report('hub.sqlite_pull_100k_s', await pullSeconds(sqliteUrl ?? '', sqliteKey), { entries: TOTAL, page: MAX_BATCH });

  for (const processes of [1, 3]) {
    const key = `bench-pg-${processes}-key-0123456789`;
    const urls = await hubs(['--database', await createDatabase(cluster.url)], processes, key);
    report('hub.pg_push_entries_per_s', await pushRate(urls, key), { entries: TOTAL, batch: BATCH, pushers: PUSHERS, processes, target: processes === 3 ? 20_000 : undefined });
    if (processes === 1) report('hub.pg_pull_100k_s', await pullSeconds(urls[0] ?? '', key), { entries: TOTAL, page: MAX_BATCH, target: 5 });
  }
} finally {
  for (const p of running) await p.stop();
  await cluster.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
}
