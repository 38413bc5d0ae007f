/**
 * Diagnostic (not a bench): which requests the desk sends per scan, and which of them are in
 * flight between the scanner's Enter and the confirmation. Same set-up as door.bench.ts.
 * `npx tsx test/bench/door-requests.ts [scans] [attendees]`; PROF_DIR=<dir> also writes the
 * station's CPU profiles there. Not run by `npm run bench` (not a .bench.ts). Figures: see
 * docs/decisions.md "Change notices that say what changed".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/core/db/open';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { createService } from '../../electron/core/service/service';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { launchChromium } from '../helpers/browser';
import { TEST_QUEUE } from '../helpers/cups';
import { callStation, scan } from '../helpers/door';
import { generateAttendees } from '../helpers/generate-attendees';
import { startStationProcess } from '../helpers/processes';
import { percentile } from './report';

const SCANS = Number(process.argv[2] ?? 60);
const N = Number(process.argv[3] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-diag-door-'));
const dbFile = path.join(dir, 'door.db');
const db = openDatabase(dbFile);
const service = createService({ db, stationName: 'Seed' });
const people = generateAttendees(N, 13);
appendNewAttendees(db, people.map(({ romaji: _r, ...fields }) => service.recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>));
db.close();

type Log = { method: string; start: number; end: number }[];
if (process.env.PROF_DIR) process.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${process.env.PROF_DIR}`;
const station = await startStationProcess(dbFile, ['--station', 'Bench door']);
delete process.env.NODE_OPTIONS;
const browser = await launchChromium();
try {
  await callStation(station.url, 'updatePrintSettings', { printer: TEST_QUEUE, autoPrint: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    const w = window as unknown as { reqs: { method: string; start: number; end: number }[] };
    w.reqs = [];
    const realFetch = window.fetch.bind(window);
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      const entry = { method: url.split('/api/')[1] ?? url, start: performance.now(), end: 0 };
      w.reqs.push(entry);
      try { return await realFetch(input, init); } finally { entry.end = performance.now(); }
    };
    const RealES = window.EventSource;
    window.EventSource = class extends RealES {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        this.addEventListener('changed', (m) => w.reqs.push({ method: `NOTICE ${(m as MessageEvent<string>).data}`, start: performance.now(), end: performance.now() }));
      }
    } as typeof EventSource;
  });
  await page.goto(station.url);
  await page.getByRole('combobox').waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { door: { enter: number; confirmed: number; printed: number } };
    w.door = { enter: 0, confirmed: 0, printed: 0 };
    window.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') w.door = { enter: performance.now(), confirmed: 0, printed: 0 };
    }, { capture: true });
    new MutationObserver(() => {
      const banner = document.querySelector('[data-testid="banner"].is-checked-in');
      if (banner && !w.door.confirmed && w.door.enter) w.door.confirmed = performance.now();
      const print = document.querySelector('[data-testid="print-status"].success');
      if (print && !w.door.printed && w.door.enter) w.door.printed = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const codes = people.filter((p) => p.ticketCode).slice(0, SCANS + 10).map((p) => p.ticketCode!);
  const perScan: { enter: number; confirmed: number; printed: number; reqs: Log }[] = [];
  for (const [i, code] of codes.entries()) {
    await scan(page, code);
    await page.waitForFunction(() => {
      const w = window as unknown as { door: { confirmed: number; printed: number } };
      return w.door.confirmed > 0 && w.door.printed > 0;
    }, undefined, { timeout: 30_000 });
    // As the bench does: the next scan at once, while the print's re-reads may still be on their way.
    const got = await page.evaluate(() => {
      const w = window as unknown as { door: { enter: number; confirmed: number; printed: number }; reqs: Log };
      return { ...w.door, reqs: [] as Log };
    });
    if (i >= codes.length - SCANS) perScan.push(got);
  }
  const all = await page.evaluate(() => (window as unknown as { reqs: Log }).reqs.map((r) => ({ ...r })));
  for (const s of perScan) s.reqs = all.filter((r) => (r.end === 0 || r.end > s.enter - 1) && r.start < s.printed + 1);
  const slowOnes = perScan.filter((s) => s.confirmed - s.enter > 50);
  const withFront = slowOnes.filter((s) => s.reqs.some((r) => !r.method.startsWith('NOTICE') && r.method !== 'checkInByCode' && r.start < s.confirmed && (r.end === 0 || r.end > s.enter)));
  console.log('scans over 50 ms:', slowOnes.length, 'of which with other requests in flight before confirmation:', withFront.length);
  const cbc = perScan.map((s) => { const c = s.reqs.filter((r) => r.method === 'checkInByCode').sort((a, b) => Math.abs(a.start - s.enter) - Math.abs(b.start - s.enter))[0] ?? { start: 0, end: 0 }; return { req: c.end - c.start, draw: s.confirmed - c.end }; });
  console.log('checkInByCode round trip p50/p95', percentile(cbc.map((c) => c.req), 50).toFixed(1), percentile(cbc.map((c) => c.req), 95).toFixed(1), ' answer->drawn p50/p95', percentile(cbc.map((c) => c.draw), 50).toFixed(1), percentile(cbc.map((c) => c.draw), 95).toFixed(1));
  // Requests are logged from the previous scan's wait to this one's printed: attribute by time.
  const counts = new Map<string, number>();
  const inFront = new Map<string, number>();
  const conf: number[] = [];
  for (const s of perScan) {
    conf.push(s.confirmed - s.enter);
    for (const r of s.reqs) {
      const m = r.method.startsWith('NOTICE') ? 'NOTICE' : r.method;
      counts.set(m, (counts.get(m) ?? 0) + 1);
      // overlapping the window Enter..confirmed
      if (r.start < s.confirmed && (r.end === 0 || r.end > s.enter) && m !== 'NOTICE') inFront.set(m, (inFront.get(m) ?? 0) + 1);
    }
  }
  console.log('scans', perScan.length, 'conf p50', percentile(conf, 50).toFixed(1), 'p95', percentile(conf, 95).toFixed(1));
  console.log('per scan (between one scan\'s start and the next):');
  for (const [m, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${m}: ${(n / perScan.length).toFixed(2)}  overlapping Enter..confirmed: ${((inFront.get(m) ?? 0) / perScan.length).toFixed(2)}`);
  // A few slow examples in detail
  const slow = [...perScan].filter((s) => s.confirmed - s.enter > 50).sort((a, b) => (b.confirmed - b.enter) - (a.confirmed - a.enter)).slice(0, 8);
  for (const s of slow) {
    console.log(`--- confirmed ${(s.confirmed - s.enter).toFixed(1)} printed ${(s.printed - s.enter).toFixed(1)}`);
    for (const r of s.reqs) console.log(`   ${(r.start - s.enter).toFixed(1).padStart(7)} .. ${(r.end - s.enter).toFixed(1).padStart(7)}  ${r.method}`);
  }
} finally {
  await browser.close();
  await station.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
