/**
 * The door while the station is busy: against a real `musubi station` process with 100,000
 * attendees (5,000 checked in), a desk sends a search or a check-in every 50 ms (without waiting
 * for the previous answer, as several desks would) while, one after another, the station runs
 * a 10,000-row re-import, a 5,000-person XLSX export, the PDF roster of the same people, a
 * 100,000-entry pull from a real `musubi hub` and a 1,000-badge batch.
 * - door.busy_p99_ms: p99 of the desk's answers over all phases (target ≤ 50 ms);
 * - door.busy_p99_ms.<phase>: the same for the requests sent during each phase, to see which
 *   work still holds the door up.
 * - opt-in, with DOOR_BUSY_WAITED=1: door.busy_waited_p99_ms.<phase>, the same with each request
 *   filed under the phase whose work it waited on (the one whose stretch of time holds most of its
 *   wait, `waited-phase.ts`), not the one it was sent in: a request sent as the export ends and
 *   held by the roster's first step counts for the roster. `moved` says how many changed phase.
 * - door.busy.first_answer_ms: from the station's `ready:` line to its first answered desk search.
 *   The seed is written by another connection, so the station starts without a search snapshot
 *   and that first search waits for the index's first build (seconds). The heavy work starts
 *   once the station is ready as one at the door would be: the warm-up waits for that answer,
 *   then sends its 20 requests. The wait is its own figure, in no p99 above: the start is
 *   measured by station.ready_ms and station.ready_no_snapshot_ms (station-ready.bench.ts).
 * Runs alone: `npm run bench -- door-busy`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/core/db/open';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { createService } from '../../electron/core/service/service';
import type { Entry, EntryOfType } from '../../shared/domain/entry';
import { formatHlc } from '../../shared/domain/hlc';
import { newId } from '../../shared/domain/ids';
import { eventIdForKey } from '../../shared/sync/event-id';
import { HubClient } from '../../shared/sync/hub-client';
import { generateAttendees } from '../helpers/generate-attendees';
import { startMusubi, startStationProcess } from '../helpers/processes';
import { percentile, report } from './report';
import { waitedPhase, type PhaseSpan } from './waited-phase';

const N = 100_000;
const CHECKED_IN = 5000;
const REIMPORT_ROWS = 10_000;
const PULL_ENTRIES = 100_000;
const BADGES = 1000;
const EVERY_MS = 50;
const KEY = 'bench-door-busy-key-0123456789';
const BY_WAIT = process.env.DOOR_BUSY_WAITED === '1';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-door-busy-'));
const dbFile = path.join(dir, 'door.db');

// The event: 100,000 people straight into the log, 5,000 of them checked in.
const db = openDatabase(dbFile);
const seed = createService({ db, stationName: 'Seed' });
const people = generateAttendees(N, 21);
const upserts = people.map(
  ({ romaji: _romaji, ...fields }) => seed.recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>,
);
appendNewAttendees(db, upserts);
const ids = upserts.map((e) => e.attendeeId);
db.transaction(() => {
  for (const id of ids.slice(0, CHECKED_IN)) void seed.api.checkIn({ attendeeId: id, source: 'qr' });
})();
db.close();

// The re-import: 10,000 known people (by ticket code) with a new company.
const reimport = ['受付番号,氏名,会社名', ...people.filter((p) => p.ticketCode).slice(0, REIMPORT_ROWS).map((p, i) => `${p.ticketCode},${p.name},再登録 ${i % 50}`)].join('\n');

// A hub holding 100,000 entries of another door's new people, for the pull.
const hub = await startMusubi(['hub', '--data', path.join(dir, 'hub'), '--port', '0', '--key', KEY], /ready: (http:\/\/\S+)/);
const hubUrl = hub.match[1] ?? '';
const hex = (n: number): string => n.toString(16).padStart(12, '0');
const pulled: Entry[] = Array.from({ length: PULL_ENTRIES }, (_, i) => ({
  id: `01900000-0000-7000-a000-${hex(i + 1)}`,
  station: 'Other door',
  hlc: formatHlc({ ms: Date.now() - 3_600_000, counter: i % 1_000_000, node: 'other' }),
  type: 'attendee.upsert',
  attendeeId: `01900000-0000-7000-b000-${hex(i + 1)}`,
  data: { fields: { name: `他会場 ${i}`, nameKana: 'たかいじょう', company: `会社 ${i % 500}`, ticketCode: `O-${i}`, industry: 'it' } },
}));
const pusher = new HubClient({ hubUrl, key: KEY, eventId: await eventIdForKey(KEY), station: 'Other door' });
for (let i = 0; i < pulled.length; i += 5000) await pusher.push(pulled.slice(i, i + 5000));

const station = await startStationProcess(dbFile, ['--station', 'Bench door']);
const stationListening = performance.now();

/** A request the station never received (the client gave up connecting) is sent again. */
async function call(method: string, input: unknown = {}, attempts = 5): Promise<unknown> {
  try {
    return await callOnce(method, input);
  } catch (error) {
    const code = ((error as Error).cause as { code?: string } | undefined)?.code;
    if (code !== 'UND_ERR_CONNECT_TIMEOUT' || attempts <= 1) throw error;
    return call(method, input, attempts - 1);
  }
}

async function callOnce(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(new URL(`api/${method}`, station.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** Waits for the station's first sync round since pairing to end (it pushes the seed, then pulls). */
async function syncRoundDone(): Promise<void> {
  for (;;) {
    // A read, so one that met a keep-alive socket the station had just closed is asked again.
    const status = (await call('getSyncStatus').catch(() => call('getSyncStatus'))) as { syncing: boolean; lastSuccessAt: string | null; lastError: { message: string } | null };
    if (status.lastError) throw new Error(`sync: ${status.lastError.message}`);
    if (status.lastSuccessAt !== null && !status.syncing) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const PHASES: [string, () => Promise<unknown>][] = [
  ['reimport', () => call('commitImport', { fileName: 'reimport.csv', contentBase64: Buffer.from(reimport).toString('base64') })],
  ['xlsx_export', () => call('exportAttendance', { format: 'xlsx', includeNoShows: false })],
  ['pdf_roster', () => call('exportAttendance', { format: 'pdf', includeNoShows: false })],
  ['pull', async () => {
    // Pairing starts the station's sync loop; the round is watched, not awaited in one request: on a
    // loaded machine it outlasts the client's 5-minute wait for an answer's headers.
    await call('pairStation', { hubUrl, key: KEY });
    await syncRoundDone();
  }],
  ['badge_batch', () => call('allBadgesPdf', { size: 'a4-sheet', attendeeIds: ids.slice(CHECKED_IN, CHECKED_IN + BADGES) })],
];

const SURNAMES = ['やまだ', 'たなか', 'suzuki', '佐藤', 'たかはし', 'ito', '渡辺', 'なかむら'];
const samples = new Map<string, number[]>(PHASES.map(([name]) => [name, []]));
const failures = new Map<string, number>();
const phaseMs = new Map<string, number>();
let phase = 'warm-up';
let nextCheckIn = CHECKED_IN + BADGES;
let tick = 0;
const inFlight = new Set<Promise<void>>();
/** Every desk request's send and answer times and the phase it was sent in (for the opt-in figures). */
const requests: { sent: number; answered: number; sentIn: string; failed: boolean }[] = [];
const spans: PhaseSpan[] = [{ name: 'warm-up', start: 0 }];

/** One desk request: a search or a check-in, timed from send to answer and filed under the phase it was sent in. */
function deskRequest(): void {
  const sentIn = phase;
  const start = performance.now();
  const request = tick++ % 2 === 0 ? call('searchAttendees', { query: SURNAMES[tick % SURNAMES.length], limit: 20 }) : call('checkIn', { attendeeId: ids[nextCheckIn++], source: 'search' });
  // A request the station could not even accept in time (the client gives up connecting after
  // 10 s) counts with the time the desk waited, and as a failure.
  const done = request.then(
    () => {
      samples.get(sentIn)?.push(performance.now() - start);
      requests.push({ sent: start, answered: performance.now(), sentIn, failed: false });
    },
    () => {
      samples.get(sentIn)?.push(performance.now() - start);
      failures.set(sentIn, (failures.get(sentIn) ?? 0) + 1);
      requests.push({ sent: start, answered: performance.now(), sentIn, failed: true });
    },
  );
  inFlight.add(done);
  void done.finally(() => inFlight.delete(done));
}

try {
  // A station at the door answers its desks before the heavy work starts: wait for its first
  // answered search (the start's own figure), then warm it up as its desks would.
  await call('searchAttendees', { query: SURNAMES[0], limit: 20 });
  const firstAnswerMs = performance.now() - stationListening;
  const loadAtFirstAnswer = os.loadavg()[0]?.toFixed(2);
  for (let i = 0; i < 20; i++) {
    deskRequest();
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
  }
  const desk = setInterval(deskRequest, EVERY_MS);
  for (const [name, work] of PHASES) {
    phase = name;
    const started = performance.now();
    spans.push({ name, start: started });
    await work();
    phaseMs.set(name, Math.round(performance.now() - started));
  }
  clearInterval(desk);
  await Promise.all(inFlight);
  const load = os.loadavg()[0]?.toFixed(2);
  report('door.busy.first_answer_ms', firstAnswerMs, { attendees: N, snapshot: false, load1: loadAtFirstAnswer });
  const all = [...samples.values()].flat();
  for (const [name, times] of samples) {
    report(`door.busy_p99_ms.${name}`, percentile(times, 99), {
      n: times.length,
      p50: percentile(times, 50),
      max: Math.max(...times),
      failed: failures.get(name) ?? 0,
      phaseMs: phaseMs.get(name),
      everyMs: EVERY_MS,
      attendees: N,
      load1: load,
    });
  }
  if (BY_WAIT) reportByWait(load);
  const failed = [...failures.values()].reduce((a, b) => a + b, 0);
  report('door.busy_p99_ms', percentile(all, 99), { n: all.length, p50: percentile(all, 50), max: Math.max(...all), failed, everyMs: EVERY_MS, attendees: N, target: 50, load1: load });
} catch (error) {
  // Whether the station is still there says whether it failed or the request did.
  console.error(`station ${station.child.exitCode === null && station.child.signalCode === null ? 'running' : `ended (${station.child.exitCode ?? station.child.signalCode})`}; its last output:\n${station.output().slice(-3000)}`);
  throw error;
} finally {
  await station.stop();
  await hub.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The opt-in figures: each request under the phase whose work it waited on. */
function reportByWait(load: string | undefined): void {
  for (const [name] of PHASES) {
    const mine = requests.filter((r) => waitedPhase(spans, r.sent, r.answered) === name);
    const times = mine.map((r) => r.answered - r.sent);
    report(`door.busy_waited_p99_ms.${name}`, percentile(times, 99), {
      n: times.length,
      p50: percentile(times, 50),
      max: Math.max(...times),
      failed: mine.filter((r) => r.failed).length,
      moved: mine.filter((r) => r.sentIn !== name).length,
      phaseMs: phaseMs.get(name),
      everyMs: EVERY_MS,
      attendees: N,
      load1: load,
    });
  }
}
