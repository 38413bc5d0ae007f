/**
 * A station restarted on a 100,000-attendee event: `station.ready_ms` is the time from spawning
 * `node bin/musubi.mjs station` until its first search over HTTP is answered (the search index
 * comes from the snapshot the previous run saved; see electron/core/search/snapshot.ts). The
 * median of several restarts; `firstStartMs` is the same on the file before any station has run
 * there (a full build). `station.ready_no_snapshot_ms`: the median of restarts after the snapshot
 * was removed by another connection (as after a restore of an old backup, or an import by a version before `musubi import` saved one): the
 * first search is answered while the index is built on a worker thread. Needs `npm run build`.
 * Runs alone: `npm run bench -- station-ready`.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openDatabase } from '../../electron/core/db/open';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { createService } from '../../electron/core/service/service';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { callStation } from '../helpers/door';
import { generateAttendees } from '../helpers/generate-attendees';
import { MUSUBI_BIN, REPO_ROOT } from '../helpers/processes';
import { percentile, report } from './report';

const N = 100_000;
const RESTARTS = 5;
const RESTARTS_NO_SNAPSHOT = 3;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-ready-'));
const dbFile = path.join(dir, 'ready.db');

const seed = openDatabase(dbFile);
const service = createService({ db: seed, stationName: 'Seed' });
const people = generateAttendees(N, 21);
appendNewAttendees(
  seed,
  people.map(({ romaji: _romaji, ...fields }) =>
    service.recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>,
  ),
);
seed.close();
const query = people[12_345]?.name ?? '山田';

/** CPU time (user + system) a process has used so far, in ms: a figure the machine's load does not inflate. */
function cpuMsOf(pid: number | undefined): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

interface Start {
  readyMs: number;
  cpuMs: number;
  listeningMs: number;
  total: number;
  stop(): Promise<void>;
}

/** Spawns the station and times its first answered search. */
async function startAndSearch(): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, [MUSUBI_BIN, 'station', '--db', dbFile, '--port', '0', '--station', 'Bench ready'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = output.match(/ready: (http:\/\/\S+)/);
      if (found) resolve(found[1] ?? '');
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the station exited with ${code}:\n${output}`)));
  });
  const listeningMs = performance.now() - started;
  const result = (await callStation(url, 'searchAttendees', { query, limit: 50 })) as { total: number };
  const readyMs = performance.now() - started;
  return {
    readyMs,
    cpuMs: cpuMsOf(child.pid),
    listeningMs,
    total: result.total,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Waits until a station has saved its snapshot (it does so in slices after its build). */
async function snapshotSaved(): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const db = new Database(dbFile, { readonly: true });
    const saved = db.prepare('SELECT count(*) FROM search_snapshots').pluck().get() as number;
    db.close();
    if (saved > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The station saved no search snapshot within a minute.');
}

try {
  const first = await startAndSearch();
  await snapshotSaved();
  await first.stop();
  const restarts: Start[] = [];
  for (let i = 0; i < RESTARTS; i++) {
    const restart = await startAndSearch();
    await restart.stop();
    if (restart.total !== first.total) throw new Error(`A restarted station found ${restart.total} people for a query the first run found ${first.total} for.`);
    restarts.push(restart);
  }
  const withoutSnapshot: Start[] = [];
  for (let i = 0; i < RESTARTS_NO_SNAPSHOT; i++) {
    const other = new Database(dbFile);
    other.exec('DELETE FROM search_snapshots; DELETE FROM search_snapshot_parts;');
    other.close();
    const restart = await startAndSearch();
    // Its build goes on after the answer; the next round removes what it saves.
    await restart.stop();
    if (restart.total !== first.total) throw new Error(`A station without a snapshot found ${restart.total} people for a query the first run found ${first.total} for.`);
    withoutSnapshot.push(restart);
  }
  const ready = restarts.map((r) => r.readyMs);
  report('station.ready_ms', percentile(ready, 50), {
    attendees: N,
    restarts: RESTARTS,
    max: Math.max(...ready),
    listeningMs: Math.round(percentile(restarts.map((r) => r.listeningMs), 50)),
    cpuMs: percentile(restarts.map((r) => r.cpuMs), 50),
    firstStartMs: Math.round(first.readyMs),
    load: os.loadavg()[0]?.toFixed(2),
  });
  const readyNoSnapshot = withoutSnapshot.map((r) => r.readyMs);
  report('station.ready_no_snapshot_ms', percentile(readyNoSnapshot, 50), {
    attendees: N,
    restarts: RESTARTS_NO_SNAPSHOT,
    max: Math.max(...readyNoSnapshot),
    listeningMs: Math.round(percentile(withoutSnapshot.map((r) => r.listeningMs), 50)),
    cpuMs: percentile(withoutSnapshot.map((r) => r.cpuMs), 50),
    load: os.loadavg()[0]?.toFixed(2),
  });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
