import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { requireTestQueues, TEST_QUEUE } from '../helpers/cups';
import { callStation, readCheckins, scan } from '../helpers/door';
import { startStationProcess, type RunningProcess } from '../helpers/processes';

/**
 * The kiosk an attendee uses alone, against a real `musubi station` in Chromium: check-in by scan
 * and by name, the goals and consent step, the badge on cups-pdf, suggestions of consenting people
 * in the room only, "I am leaving", walk-ins refused and allowed, the idle reset, and the staff PIN
 * pad. Every kiosk screen is photographed in ja and en at 1024×768 and 800×1280 (test-results/, not
 * compared: they are for looking at).
 */
const PRINTING = { timeout: 120_000 };
const SHOTS = path.resolve('test-results/kiosk-screens');

let dir: string;
let dbFile: string;
let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;

function newestJobOnQueue(): number {
  const out = execFileSync('lpstat', ['-W', 'all', '-o', TEST_QUEUE], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return Math.max(0, ...out.split('\n').map((line) => Number(new RegExp(`^${TEST_QUEUE}-(\\d+) `).exec(line)?.[1] ?? 0)));
}

function row(ticketCode: string): { partner_consent: number; vcard_opt_in: number; left_room: number; walk_in: number } | undefined {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT partner_consent, vcard_opt_in, left_room, walk_in FROM attendees WHERE ticket_code = ? OR name = ?').get(ticketCode, ticketCode) as never;
  } finally {
    db.close();
  }
}

/** Someone already in the room, checked in at the desk. */
async function inTheRoom(url: string, fields: Record<string, unknown>): Promise<void> {
  const person = (await callStation(url, 'addAttendee', fields)) as { id: string };
  await callStation(url, 'checkIn', { attendeeId: person.id });
}

async function shot(target: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  const { width, height } = target.viewportSize() ?? { width: 0, height: 0 };
  const language = await target.evaluate(() => document.documentElement.lang);
  await target.screenshot({ path: path.join(SHOTS, `${name}-${language}-${width}x${height}.png`), fullPage: true });
}

const CONSENTING = ['医療 花子', 'Ada Lovelace'];
const PRIVATE = ['非公開 次郎', 'Hidden Person'];

beforeAll(async () => {
  requireTestQueues();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-kiosk-self-'));
  dbFile = path.join(dir, 'event.db');
  station = await startStationProcess(dbFile, ['--station', 'Kiosk 2']);
  const url = station.url;
  await callStation(url, 'addAttendee', {
    name: '佐藤 花子', nameKana: 'さとう はなこ', company: '結び商事', ticketCode: 'MU-0001', email: 'hanako.sato@example.jp',
    industry: 'manufacturing', goals: ['ideas'], lookingFor: ['healthcare'],
  });
  await callStation(url, 'addAttendee', { name: 'Grace Hopper', company: 'Navy', ticketCode: 'GH-1906', email: 'grace@example.org', industry: 'it', goals: ['network'] });
  await inTheRoom(url, { name: CONSENTING[0], company: '結び病院', industry: 'healthcare', goals: ['job'], partnerConsent: true, email: 'a@example.jp' });
  await inTheRoom(url, { name: CONSENTING[1], company: 'Engines', industry: 'education', goals: ['ideas'], partnerConsent: true, email: 'ada@example.org' });
  for (const name of PRIVATE) await inTheRoom(url, { name, company: 'Secret', industry: 'healthcare', goals: ['job'], partnerConsent: false });
  await callStation(url, 'addAttendee', { name: 'Not Here Yet', industry: 'healthcare', goals: ['job'], partnerConsent: true });
  await callStation(url, 'updatePrintSettings', { printer: TEST_QUEUE, autoPrint: true });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(`${url}#/kiosk`);
  await page.getByRole('button', { name: 'English' }).click();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the self-service kiosk', { timeout: 180_000 }, () => {
  it('by scan: the goals and consent step, the badge on cups-pdf, and consenting people in the room to look for', async () => {
    const newestBefore = newestJobOnQueue();
    await scan(page, 'MU-0001');
    await expect.poll(() => page.getByText('Is this you?').count()).toBe(1);
    await page.getByRole('button', { name: 'Yes, this is me' }).click();
    // Both questions default to no.
    const consent = page.getByTestId('kiosk-question-consent');
    const vcard = page.getByTestId('kiosk-question-vcard');
    expect(await consent.getByRole('button', { name: 'No' }).getAttribute('aria-pressed')).toBe('true');
    expect(await vcard.getByRole('button', { name: 'No' }).getAttribute('aria-pressed')).toBe('true');
    await consent.getByRole('button', { name: 'Yes, show me' }).click();
    await vcard.getByRole('button', { name: 'Yes, add it' }).click();
    await page.getByRole('button', { name: 'Check me in' }).click();

    await expect.poll(() => page.getByRole('status').getByRole('heading').first().innerText()).toBe('You are checked in');
    const suggestions = page.getByTestId('partner-suggestions');
    await expect.poll(() => suggestions.locator('li').count()).toBeGreaterThan(0);
    const shown = await suggestions.innerText();
    expect(shown).toMatch(new RegExp(CONSENTING.join('|')));
    for (const name of [...PRIVATE, 'Not Here Yet', '佐藤 花子']) expect(shown).not.toContain(name);
    expect(await page.locator('main').innerText()).not.toMatch(/@example|hanako\.sato/);
    await expect.poll(() => page.getByTestId('kiosk-print').innerText(), PRINTING).toContain('Your badge is printed');
    expect(newestJobOnQueue()).toBeGreaterThan(newestBefore);
    expect(row('MU-0001')).toMatchObject({ partner_consent: 1, vcard_opt_in: 1 });
    expect(readCheckins(dbFile).find((r) => r.ticketCode === 'MU-0001')).toMatchObject({ checkedIn: 1, source: 'kiosk' });
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('by name, and the person just checked in is now among the people suggested to others', async () => {
    await page.getByRole('button', { name: 'Find me by name' }).click();
    await page.getByLabel('Your name (as registered)').fill('Grace Hopper');
    await page.getByLabel(/Your registered e-mail/).fill('grace');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Yes, this is me' }).click();
    await page.getByRole('button', { name: 'Check me in' }).click();
    await expect.poll(() => page.getByRole('status').getByRole('heading').first().innerText()).toBe('You are checked in');
    const shown = await page.getByTestId('partner-suggestions').innerText();
    for (const name of PRIVATE) expect(shown).not.toContain(name);
    expect(shown).not.toContain('Grace Hopper');
    expect(shown).toContain('佐藤 花子');
    expect(row('GH-1906')).toMatchObject({ partner_consent: 0, vcard_opt_in: 0 });
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('"I am leaving" after scanning again', async () => {
    await scan(page, 'MU-0001');
    await page.getByRole('button', { name: 'I am leaving' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Thank you for coming' }).count()).toBe(1);
    expect(row('MU-0001')?.left_room).toBe(1);
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('offers no walk-in while the station does not allow it, and the station refuses one anyway', async () => {
    expect(await page.getByRole('button', { name: "I haven't registered" }).count()).toBe(0);
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/kioskWalkIn', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Sneaky' }) });
      return response.text();
    });
    expect(answer).toContain('forbidden');
    expect(readCheckins(dbFile).some((r) => r.name === 'Sneaky')).toBe(false);
  });

  it('registers a walk-in once the organizer allows it', async () => {
    await callStation(station.url, 'updateKioskSettings', { walkIn: true });
    await page.reload();
    await page.getByRole('button', { name: "I haven't registered" }).click();
    await page.getByLabel('Your name', { exact: true }).fill('飛び入り 太郎');
    await page.getByLabel(/Reading of your name/).fill('とびいり たろう');
    await page.getByLabel('Company or organisation').fill('当日商会');
    await page.getByRole('group', { name: 'Your industry' }).getByRole('button', { name: /Retail/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('group', { name: "Today's goals" }).getByRole('button', { name: /Wider network/ }).click();
    await page.getByRole('button', { name: 'Check me in' }).click();
    await expect.poll(() => page.getByRole('status').getByRole('heading').first().innerText()).toBe('You are checked in');
    expect(readCheckins(dbFile).find((r) => r.name === '飛び入り 太郎')).toMatchObject({ walkIn: 1, checkedIn: 1, source: 'kiosk', company: '当日商会' });
    await expect.poll(() => page.getByTestId('kiosk-print').innerText(), PRINTING).toMatch(/printed|did not print/);
    await page.getByRole('button', { name: 'Done' }).click();
  });

  it('goes back to the welcome screen when left alone', async () => {
    const other = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    await other.goto(`${station.url}#/kiosk`);
    await other.clock.install();
    await other.getByRole('button', { name: 'English' }).click();
    await other.getByRole('button', { name: "I haven't registered" }).click();
    await other.getByLabel('Your name', { exact: true }).fill('Half Typed');
    await other.clock.fastForward(60_000);
    await expect.poll(() => other.getByRole('heading', { name: 'Welcome' }).count()).toBe(1);
    expect(await other.locator('main').innerText()).not.toContain('Half Typed');
    await other.close();
  });

  it('leaves kiosk mode only through the staff PIN pad on the kiosk screen', async () => {
    await page.getByLabel('Choose a staff PIN').fill('2580');
    await page.getByRole('button', { name: 'Lock as self check-in' }).click();
    await expect.poll(() => page.locator('header nav').count()).toBe(0);
    await page.getByRole('button', { name: 'Staff', exact: true }).click();
    const pad = page.getByRole('group', { name: 'PIN keys' });
    for (const digit of '1111') await pad.getByRole('button', { name: `Digit ${digit}` }).click();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Wrong PIN/);
    expect(await page.locator('header nav').count()).toBe(0);
    for (const digit of '25809') await pad.getByRole('button', { name: `Digit ${digit}` }).click();
    await pad.getByRole('button', { name: 'Delete one digit' }).click();
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.locator('header nav button').count(), { timeout: 20_000 }).toBe(3);
  });
});

describe('every kiosk screen, photographed', { timeout: 300_000 }, () => {
  let shots: RunningProcess & { url: string };
  beforeAll(async () => {
    const file = path.join(dir, 'shots.db');
    shots = await startStationProcess(file, ['--station', 'Kiosk shots']);
    for (const [i, name] of ['山田 太郎', '田中 一郎', 'Ken Sato', 'Mary Major'].entries()) {
      await callStation(shots.url, 'addAttendee', { name, nameKana: i < 2 ? 'やまだ たろう' : '', company: '結び商事', ticketCode: `SHOT-${i}`, email: `s${i}@example.jp`, industry: 'it', goals: ['ideas'], lookingFor: ['healthcare'] });
    }
    await inTheRoom(shots.url, { name: '医療 花子', company: '結び病院', industry: 'healthcare', goals: ['job', 'network'], partnerConsent: true });
    await inTheRoom(shots.url, { name: 'Ada Lovelace', company: 'Analytical Engines Ltd.', industry: 'education', goals: ['ideas'], partnerConsent: true });
    await inTheRoom(shots.url, { name: '鈴木 美咲', company: '株式会社みらい不動産', industry: 'real-estate', goals: ['partners'], partnerConsent: true });
    await callStation(shots.url, 'updateKioskSettings', { walkIn: true });
  }, 60_000);
  afterAll(async () => {
    await shots?.stop();
  });

  const combos = [
    { language: '日本語', viewport: { width: 1024, height: 768 } },
    { language: 'English', viewport: { width: 1024, height: 768 } },
    { language: '日本語', viewport: { width: 800, height: 1280 } },
    { language: 'English', viewport: { width: 800, height: 1280 } },
  ];
  for (const [i, { language, viewport }] of combos.entries()) {
    it(`${language} at ${viewport.width}x${viewport.height}`, async () => {
      const tablet = await browser.newPage({ viewport });
      await tablet.goto(`${shots.url}#/kiosk`);
      await tablet.getByRole('button', { name: language }).click();
      await expect.poll(() => tablet.locator('.kiosk-walk-in').count()).toBe(1);
      await shot(tablet, '1-welcome');
      await tablet.locator('.kiosk-by-name').click();
      await shot(tablet, '2-by-name');
      await tablet.locator('form .actions button.secondary').click();
      await scan(tablet, `SHOT-${i}`);
      await expect.poll(() => tablet.locator('.kiosk-card').count()).toBe(1);
      await shot(tablet, '3-confirm');
      await tablet.locator('.kiosk .actions button.primary').click();
      await expect.poll(() => tablet.getByTestId('kiosk-question-consent').count()).toBe(1);
      await shot(tablet, '4-goals');
      await tablet.locator('.kiosk-go').click();
      await expect.poll(() => tablet.getByTestId('partner-suggestions').locator('li').count()).toBeGreaterThan(0);
      await expect.poll(() => tablet.locator('.kiosk-print.is-printing').count(), PRINTING).toBe(0);
      await shot(tablet, '5-done');
      await tablet.locator('.kiosk-done > button').click();
      await scan(tablet, `SHOT-${i}`);
      await expect.poll(() => tablet.locator('.kiosk-leave').count()).toBe(1);
      await shot(tablet, '6-confirm-checked-in');
      await tablet.locator('.kiosk-leave').click();
      await expect.poll(() => tablet.locator('.kiosk-done').count()).toBe(1);
      await shot(tablet, '7-left');
      await tablet.locator('.kiosk-done > button').click();
      await tablet.locator('.kiosk-walk-in').click();
      await shot(tablet, '8-walk-in');
      await tablet.locator('form .actions button.secondary').click();
      await tablet.close();
    });
  }
});
