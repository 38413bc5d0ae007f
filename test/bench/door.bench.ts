/**
 * The door at full speed, in Chromium against a real `musubi station` process with 100,000
 * attendees and auto-print to the cups-pdf queue: 200 scanner bursts (0 ms per key), one person
 * at a time as a queue arrives. Measured in the page from the scanner's Enter:
 * - door.scan_to_confirmation_p95_ms: until the desk shows that person checked in;
 * - door.scan_to_print_p95_ms: until the desk shows the badge accepted by CUPS (the station
 *   answers only once `lp` has returned the job id).
 * Runs alone: `npm run bench -- door`.
 */
import { execFileSync } from 'node:child_process';
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
import { percentile, report } from './report';

const N = 100_000;
const SCANS = 200;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-door-'));
const dbFile = path.join(dir, 'door.db');

// Seed the event file directly (fast), then close it and hand it to the station.
const db = openDatabase(dbFile);
const service = createService({ db, stationName: 'Seed' });
const people = generateAttendees(N, 13);
appendNewAttendees(
  db,
  people.map(({ romaji: _romaji, ...fields }) =>
    service.recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>,
  ),
);
db.close();

const station = await startStationProcess(dbFile, ['--station', 'Bench door']);
const browser = await launchChromium();
try {
  await callStation(station.url, 'updatePrintSettings', { printer: TEST_QUEUE, autoPrint: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(station.url);
  await page.getByRole('combobox').waitFor();
  // In the page: the time of each scanner Enter, and when the banner and the print status change.
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
  const toConfirmation: number[] = [];
  const toPrint: number[] = [];
  for (const [i, code] of codes.entries()) {
    await scan(page, code);
    await page.waitForFunction(() => {
      const w = window as unknown as { door: { confirmed: number; printed: number } };
      return w.door.confirmed > 0 && w.door.printed > 0;
    }, undefined, { timeout: 30_000 });
    const times = await page.evaluate(() => (window as unknown as { door: { enter: number; confirmed: number; printed: number } }).door);
    // The first few warm up the station (fonts, statements) as its own start-up warm-up would.
    if (i >= codes.length - SCANS) {
      toConfirmation.push(times.confirmed - times.enter);
      toPrint.push(times.printed - times.enter);
    }
  }
  report('door.scan_to_confirmation_p95_ms', percentile(toConfirmation, 95), { n: SCANS, attendees: N, p50: percentile(toConfirmation, 50) });
  report('door.scan_to_print_p95_ms', percentile(toPrint, 95), { n: SCANS, attendees: N, p50: percentile(toPrint, 50), printer: TEST_QUEUE });
} finally {
  await browser.close();
  await station.stop();
  // cups-pdf turns the 200 badges into files one at a time, minutes after they were accepted (the
  // figure's end): the jobs still waiting are cancelled so that they do not hold up whatever runs
  // next on this machine's print queue (a test waiting for its own badge's file).
  try {
    execFileSync('cancel', ['-a', TEST_QUEUE], { stdio: 'pipe' });
  } catch {
    /* no CUPS commands here: nothing was queued either */
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
