import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { requireTestQueues, TEST_QUEUE } from '../helpers/cups';
import { callStation, readCheckins, scan } from '../helpers/door';
import { startStationProcess, type RunningProcess } from '../helpers/processes';

/**
 * The self check-in kiosk as an attendee alone at a tablet uses it: scan (or find by name with
 * the e-mail check), "is this you?", today's goals, the badge printing on the station's cups-pdf
 * queue, the colours to look for, and the return to the welcome screen when left alone.
 */
const PRINTING = { timeout: 20_000 };

let dir: string;
let dbFile: string;
let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;

/** Jobs CUPS has taken on the test queue so far (finished or not). */
/** The newest job id on the test queue (CUPS keeps only the last 500 jobs, so counting them stops working). */
function newestJobOnQueue(): number {
  const out = execFileSync('lpstat', ['-W', 'all', '-o', TEST_QUEUE], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  const ids = out.split('\n').map((line) => new RegExp(`^${TEST_QUEUE}-(\\d+) `).exec(line)?.[1]).filter((id) => id !== undefined);
  return Math.max(0, ...ids.map(Number));
}

beforeAll(async () => {
  requireTestQueues();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-kiosk-'));
  dbFile = path.join(dir, 'event.db');
  station = await startStationProcess(dbFile, ['--station', 'Kiosk 1']);
  await callStation(station.url, 'addAttendee', {
    name: '佐藤 花子', nameKana: 'さとう はなこ', company: '結び商事', ticketCode: 'MU-0001',
    email: 'hanako.sato@example.jp', industry: 'manufacturing', goals: ['ideas'], lookingFor: ['it'],
  });
  await callStation(station.url, 'addAttendee', { name: '鈴木 一郎', nameKana: 'すずき いちろう', company: '秘密工業', ticketCode: 'MU-0002', email: 'ichiro@example.jp' });
  await callStation(station.url, 'addAttendee', {
    name: 'Grace Hopper', company: 'Navy', ticketCode: 'GH-1906', email: 'grace@example.org', industry: 'it', goals: ['network'], lookingFor: ['education'],
  });
  await callStation(station.url, 'updatePrintSettings', { printer: TEST_QUEUE, autoPrint: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 800, height: 1280 } });
  await page.goto(`${station.url}#/kiosk`);
  await page.getByRole('button', { name: 'English' }).click();
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('self check-in kiosk', { timeout: 60_000 }, () => {
  it('by scan: one card, the goals step, the badge printed, and the colours to look for', async () => {
    const newestBefore = newestJobOnQueue();
    // A touch on blank space first: the scan must still be caught.
    await page.mouse.click(20, 1200);
    await scan(page, 'https://connpass.com/event/123/ticket/MU-0001/');
    await expect.poll(() => page.getByText('Is this you?').count()).toBe(1);
    const text = await page.locator('main').innerText();
    expect(text).toContain('佐藤 花子');
    // Nobody else's data is ever on a kiosk screen, nor this person's e-mail.
    expect(text).not.toContain('鈴木');
    expect(text).not.toContain('hanako.sato');
    await page.getByRole('button', { name: 'Yes, this is me' }).click();

    // Pre-filled from the registration; she adds a sector.
    const goals = page.getByRole('group', { name: "Today's goals" });
    await expect.poll(() => goals.getByRole('button', { name: /New ideas/ }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('group', { name: 'Sectors you want to meet' }).getByRole('button', { name: /Finance/ }).click();
    await page.getByRole('button', { name: 'Check me in' }).click();

    await expect.poll(() => page.getByRole('status').getByRole('heading', { level: 1 }).innerText()).toBe('You are checked in');
    await expect.poll(() => page.getByTestId('kiosk-print').innerText(), PRINTING).toContain('Your badge is printed');
    expect(newestJobOnQueue()).toBeGreaterThan(newestBefore);
    await expect.poll(() => page.getByTestId('sector-list').innerText()).toMatch(/IT & Telecom[\s\S]*Finance & Insurance/);
    expect(await page.getByTestId('industry-chip').first().innerText()).toBe('Manufacturing');
    expect(await page.getByTestId('goal-marks').innerText()).toContain('New ideas');
    const row = readCheckins(dbFile).find((r) => r.ticketCode === 'MU-0001');
    expect(row).toMatchObject({ checkedIn: 1, source: 'kiosk' });
    expect(readCheckins(dbFile).filter((r) => r.checkedIn).map((r) => r.ticketCode)).toEqual(['MU-0001']);
    const saved = (await callStation(station.url, 'findByTicketCode', { ticketCode: 'MU-0001' })) as { lookingFor: string[] };
    expect(saved.lookingFor.sort()).toEqual(['finance', 'it']);
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('by name with the e-mail check, and kindly refuses a wrong e-mail', async () => {
    await page.getByRole('button', { name: 'Find me by name' }).click();
    await page.getByLabel('Your name (as registered)').fill('Grace Hopper');
    await page.getByLabel(/Your registered e-mail/).fill('someone');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/could not find your registration/);
    await page.getByLabel(/Your registered e-mail/).fill('grace');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await expect.poll(() => page.getByText('Is this you?').count()).toBe(1);
    await page.getByRole('button', { name: 'Yes, this is me' }).click();
    await page.getByRole('button', { name: 'Check me in' }).click();
    await expect.poll(() => page.getByTestId('kiosk-print').innerText(), PRINTING).toContain('Your badge is printed');
    expect(readCheckins(dbFile).find((r) => r.ticketCode === 'GH-1906')).toMatchObject({ checkedIn: 1, source: 'kiosk' });
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('says so kindly when the ticket is unknown', async () => {
    await page.getByLabel('Or type your ticket number').fill('NOPE-1');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/could not find your registration/);
  });

  it('goes back to the welcome screen when left alone, clearing the card', async () => {
    // The fake clock makes the page's key times fake too, so this visit starts from the keyboard.
    await page.clock.install();
    await page.getByLabel('Or type your ticket number').fill('MU-0002');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect.poll(() => page.getByText('Is this you?').count()).toBe(1);
    await page.clock.fastForward(60_000);
    await expect.poll(() => page.getByText('Is this you?').count()).toBe(0);
    expect(await page.getByLabel('Or type your ticket number').inputValue()).toBe('');
    expect(await page.locator('main').innerText()).not.toContain('鈴木');
    expect(readCheckins(dbFile).find((r) => r.ticketCode === 'MU-0002')?.checkedIn).toBe(0);
  });

  it('reads naturally in Japanese', async () => {
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('ようこそ');
    expect(await page.getByRole('button', { name: '名前でさがす' }).count()).toBe(1);
  });
});
