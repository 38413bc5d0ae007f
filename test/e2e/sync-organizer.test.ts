import type { MethodName } from '../../shared/api/contract';
import { apiPath, relative } from '../../shared/api/http-routes';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attendee } from '../../shared/domain/attendee';
import { launchChromium } from '../helpers/browser';
import { startMusubi, startStationProcess, type RunningProcess } from '../helpers/processes';

/**
 * The organizer pairs two stations with a hub through the screens, sees the sync state in the
 * header, and resolves a double check-in made while the hub was down.
 */
const KEY = 'e2e-sync-key-0123456789';
const SCREENSHOTS = process.env.MUSUBI_SCREENSHOTS;
let dir: string;
let browser: Browser;
let hub: RunningProcess & { url: string };
let doorA: RunningProcess & { url: string };
let doorB: RunningProcess & { url: string };
let pageA: Page;
let pageB: Page;
const slow = { timeout: 20_000, interval: 200 };
// After an outage a station retries on its backoff (at most 15 s apart, with jitter).
const recovery = { timeout: 45_000, interval: 250 };

async function startHub(port = 0): Promise<RunningProcess & { url: string }> {
  const running = await startMusubi(['hub', '--data', path.join(dir, 'hub'), '--port', String(port), '--key', KEY], /ready: (http:\/\/\S+)/);
  return { ...running, url: running.match[1] ?? '' };
}

async function call<T>(station: { url: string }, method: MethodName, input: unknown = {}): Promise<T> {
  const response = await fetch(new URL(relative(apiPath(method)), station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return ((await response.json()) as { value: T }).value;
}

async function openPage(url: string): Promise<Page> {
  const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.getByRole('button', { name: 'English' }).click();
  return page;
}

beforeAll(async () => {
  // Not tempDir(): that is emptied after each test, and these processes live through all of them.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-e2e-sync-'));
  hub = await startHub();
  doorA = await startStationProcess(path.join(dir, 'a.db'), ['--station', 'Door A']);
  doorB = await startStationProcess(path.join(dir, 'b.db'), ['--station', 'Door B']);
  browser = await launchChromium();
  pageA = await openPage(doorA.url);
  pageB = await openPage(doorB.url);
});

afterAll(async () => {
  await browser?.close();
  for (const p of [doorA, doorB, hub]) await p?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sync in the Organizer area and the staff header', () => {
  it('the header says the station is not connected until it is paired in the hub settings', { timeout: 90_000 }, async () => {
    await expect.poll(() => pageA.getByRole('status', { name: 'Sync with the hub' }).innerText(), slow).toBe('No hub');
    await pageA.getByRole('button', { name: 'Organizer' }).click();
    await pageA.getByLabel('Hub address').fill(hub.url);
    await pageA.getByLabel('Event key').fill(KEY);
    await pageA.getByRole('button', { name: 'Save and connect' }).click();
    await expect.poll(() => pageA.getByRole('status', { name: 'Sync with the hub' }).innerText(), slow).toMatch(/^Synced \d\d:\d\d$/);
    const qr = pageA.getByRole('img', { name: 'QR code of the pairing code' });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth), slow).toBeGreaterThan(0);
    if (SCREENSHOTS) await pageA.screenshot({ path: path.join(SCREENSHOTS, 'sync-organizer.png'), fullPage: true });
  });

  it('a second station joins by pasting the pairing code and receives the attendees', { timeout: 90_000 }, async () => {
    const code = await pageA.getByLabel('Pairing code', { exact: true }).inputValue();
    expect(code).toMatch(/^musubi:pair\?hub=/);
    await call(doorA, 'addAttendee', { name: '佐藤 花子', ticketCode: 'E-1' });
    await pageB.getByRole('button', { name: 'Organizer' }).click();
    await pageB.getByLabel('Paste a pairing code').fill(code);
    await pageB.getByRole('button', { name: 'Join with this code' }).click();
    await expect.poll(() => pageB.getByRole('status').filter({ hasText: 'Connected to the hub.' }).count(), slow).toBe(1);
    await expect.poll(async () => (await call<{ expected: number }>(doorB, 'getStatus')).expected, slow).toBe(1);
    await expect.poll(() => pageA.getByRole('cell', { name: 'Door B' }).count(), slow).toBe(1);
  });

  it('shows offline with records waiting, then flags the double check-in everywhere and undoes the extra one', { timeout: 90_000 }, async () => {
    const [guest] = (await call<{ items: Attendee[] }>(doorA, 'searchAttendees', { query: 'E-1' })).items;
    if (!guest) throw new Error('attendee missing');
    const port = Number(new URL(hub.url).port);
    await hub.stop();
    await call(doorB, 'checkIn', { attendeeId: guest.id });
    await call(doorA, 'checkIn', { attendeeId: guest.id });
    await pageA.getByRole('button', { name: 'Check-in desk' }).click();
    await expect.poll(() => pageA.getByRole('status', { name: 'Sync with the hub' }).innerText(), slow).toMatch(/Offline\s*1 waiting/);
    if (SCREENSHOTS) await pageA.screenshot({ path: path.join(SCREENSHOTS, 'sync-offline-header.png') });

    hub = await startHub(port);
    await expect.poll(async () => (await call<{ conflicts: number }>(doorA, 'getStatus')).conflicts, recovery).toBe(1);
    await expect.poll(async () => (await call<{ conflicts: number }>(doorB, 'getStatus')).conflicts, recovery).toBe(1);

    const search = pageA.getByRole('combobox', { name: 'Search attendees' });
    await search.fill('佐藤');
    await expect.poll(() => pageA.getByRole('alert').innerText(), slow).toMatch(/Also checked in elsewhere/);
    if (SCREENSHOTS) await pageA.screenshot({ path: path.join(SCREENSHOTS, 'sync-desk-conflict.png') });

    await pageA.getByRole('button', { name: 'Organizer' }).click();
    const undo = pageA.getByRole('button', { name: /^Undo the check-in at \d\d:\d\d at Door A$/ });
    await expect.poll(() => undo.count(), slow).toBe(1);
    if (SCREENSHOTS) await pageA.screenshot({ path: path.join(SCREENSHOTS, 'sync-conflicts.png'), fullPage: true });
    await undo.click();
    await expect.poll(() => pageA.getByText('No double check-ins.').count(), slow).toBe(1);
    await expect.poll(async () => (await call<{ conflicts: number; checkedIn: number }>(doorB, 'getStatus')), slow).toMatchObject({ conflicts: 0, checkedIn: 1 });
    const official = await call<Attendee>(doorB, 'getAttendee', { id: guest.id });
    expect(official.checkedIn?.station).toBe('Door B');
  });
});
