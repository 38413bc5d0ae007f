/**
 * Sync throughput on loopback against a real `musubi hub` process:
 * - hub.push_entries_per_s: entries stored per second while 4 stations push 1,000-entry batches;
 * - sync.pull_100k_s: a new, empty station pulls a 100,000-entry log (validated, projected);
 * - sync.converge_10x1000_s: 10 stations, each with 1,000 offline check-ins, sync until every
 *   station has every check-in.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../../electron/core/db/open';
import { createService } from '../../electron/core/service/service';
import type { Entry } from '../../shared/domain/entry';
import { formatHlc } from '../../shared/domain/hlc';
import { eventIdForKey } from '../../shared/sync/event-id';
import { HubClient } from '../../shared/sync/hub-client';
import { startMusubi } from '../helpers/processes';
import { report } from './report';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-sync-'));
const PULL_KEY = 'bench-pull-key-0123456789';
const CONVERGE_KEY = 'bench-converge-key-0123456789';
const hub = await startMusubi(
  ['hub', '--data', path.join(dir, 'hub'), '--port', '0', '--key', PULL_KEY, '--key', CONVERGE_KEY],
  /ready: (http:\/\/\S+)/,
);
const hubUrl = hub.match[1] ?? '';

function hex(n: number): string {
  return n.toString(16).padStart(12, '0');
}

function upsert(n: number, station: string): Entry {
  return {
    id: `01900000-0000-7000-a000-${hex(n)}`,
    station,
    hlc: formatHlc({ ms: Date.now() - 3_600_000, counter: n % 1_000_000, node: 'bench' }),
    type: 'attendee.upsert',
    attendeeId: `01900000-0000-7000-b000-${hex(n)}`,
    data: { fields: { name: `参加者 ${n}`, nameKana: 'さんかしゃ', company: `会社 ${n % 500}`, ticketCode: `T-${n}`, industry: 'it' } },
  };
}

try {
  // hub.push_entries_per_s: 100,000 entries from 4 concurrent pushers.
  const eventId = await eventIdForKey(PULL_KEY);
  const TOTAL = 100_000;
  const all = Array.from({ length: TOTAL }, (_, i) => upsert(i + 1, 'Bench'));
  const start = performance.now();
  await Promise.all(
    [0, 1, 2, 3].map(async (w) => {
      const client = new HubClient({ hubUrl, key: PULL_KEY, eventId, station: `pusher ${w}` });
      for (let i = w * 1000; i < TOTAL; i += 4000) await client.push(all.slice(i, i + 1000));
    }),
  );
  const pushSeconds = (performance.now() - start) / 1000;
  report('hub.push_entries_per_s', TOTAL / pushSeconds, { entries: TOTAL, batch: 1000, pushers: 4 });

  // sync.pull_100k_s: a new station joins with the URL and key and pulls everything.
  // Opened as `musubi station` and the app open it (WAL checkpoints in a background thread).
  const pullDb = openDatabase(path.join(dir, 'new-station.db'), { checkpointInBackground: true });
  const newStation = createService({ db: pullDb, stationName: 'New door' });
  const pullStart = performance.now();
  const pullCpu = process.cpuUsage();
  await newStation.sync.pair(hubUrl, PULL_KEY);
  const pulled = await newStation.sync.syncOnce();
  const cpu = process.cpuUsage(pullCpu);
  report('sync.pull_100k_s', (performance.now() - pullStart) / 1000, { entries: pulled.pulled, stationCpuS: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)) });
  pullDb.close();

  // sync.converge_10x1000_s
  const STATIONS = 10;
  const PER_STATION = 1000;
  const roster = Array.from({ length: STATIONS * PER_STATION }, (_, i) => upsert(500_000 + i, 'Organizer'));
  const seed = new HubClient({ hubUrl, key: CONVERGE_KEY, eventId: await eventIdForKey(CONVERGE_KEY) });
  for (let i = 0; i < roster.length; i += 5000) await seed.push(roster.slice(i, i + 5000));
  // Each station in its own thread, as each door is its own machine. There it pairs and pulls the
  // roster, checks its 1,000 people in while offline, and waits for "go": as at a real door, its
  // sync and check-in code has run in that process before the hub comes back.
  const workers = Array.from(
    { length: STATIONS },
    (_, s) =>
      new Worker(new URL('./sync-station-worker.ts', import.meta.url), {
        workerData: {
          file: path.join(dir, `door-${s}.db`),
          station: `Door ${s}`,
          hubUrl,
          key: CONVERGE_KEY,
          expect: STATIONS * PER_STATION,
          checkIns: roster.slice(s * PER_STATION, (s + 1) * PER_STATION).map((attendee) => attendee.attendeeId),
        },
      }),
  );
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  const convergeStart = performance.now();
  const done = workers.map((w) => new Promise<{ rounds: number; cpuMs: number }>((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
  }));
  for (const w of workers) w.postMessage('go');
  const rounds = await Promise.all(done);
  report('sync.converge_10x1000_s', (performance.now() - convergeStart) / 1000, {
    stations: STATIONS,
    checkinsEach: PER_STATION,
    maxRounds: Math.max(...rounds.map((r) => r.rounds)),
    // CPU seconds of the 10 station threads together (2 cores: the wall time is at least half this).
    stationThreadsCpuS: Number((rounds.reduce((sum, r) => sum + r.cpuMs, 0) / 1000).toFixed(2)),
  });
  await Promise.all(workers.map((w) => w.terminate()));
} finally {
  await hub.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
