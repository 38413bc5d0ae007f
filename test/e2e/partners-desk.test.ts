import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { callStation } from '../helpers/door';
import { startStationProcess, type RunningProcess } from '../helpers/processes';

/**
 * Partner suggestions at the staff desk, against a real `musubi station` in Chromium, on browsers
 * paired as desks (the role a desk has, not the loopback organizer's): after a desk check-in the
 * card shows up to three people to look for, all consenting and present — never someone who said
 * no, has not arrived, has left or whose check-in was undone, and never an e-mail — and the desk's
 * consent toggle works both ways, a withdrawal leaving another desk's card at once.
 */
const patient = { timeout: 15_000 };

let dir: string;
let dbFile: string;
let browser: Browser;
let station: RunningProcess & { url: string };
let desk: Page;
let otherDesk: Page;
/** Every suggestPartners answer the desks received, as sent over the wire. */
const answers: string[] = [];

/** Everyone here would be a strong match for the people checked in below (healthcare, job ↔ hiring). */
const CONSENTING = ['医療 花子', '製造 四郎', '教育 桜', '金融 三郎'] as const;
const NEVER = {
  said: '非公開 次郎',
  notArrived: '未着 五郎',
  left: '退出 六郎',
  undone: '取消 七子',
};

async function add(fields: Record<string, unknown>): Promise<string> {
  return ((await callStation(station.url, 'addAttendee', fields)) as { id: string }).id;
}

async function arrive(fields: Record<string, unknown>): Promise<string> {
  const id = await add(fields);
  await callStation(station.url, 'checkIn', { attendeeId: id });
  return id;
}

function consentOf(name: string): number | undefined {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT partner_consent FROM attendees WHERE name = ?').get(name) as { partner_consent: number } | undefined)?.partner_consent;
  } finally {
    db.close();
  }
}

/** A browser of its own, paired as a desk with a one-time code the organizer made. */
async function pairedDesk(label: string): Promise<Page> {
  const { code } = (await callStation(station.url, 'createDevicePairing', { role: 'desk', label })) as { code: string };
  const context: BrowserContext = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('response', (response) => {
    if (!response.url().endsWith('/api/suggestPartners')) return;
    void response.text().then((text) => answers.push(text), () => undefined);
  });
  await page.goto(`${station.url}pair#code=${code}`);
  await page.getByRole('combobox').waitFor(patient);
  await page.getByRole('button', { name: 'English' }).click();
  const who = await callFromPage(page, 'whoAmI');
  if (!who.includes('"role":"desk"')) throw new Error(`the paired browser is not a desk: ${who}`);
  return page;
}

function callFromPage(page: Page, method: string, input: unknown = {}): Promise<string> {
  return page.evaluate(
    async ([name, body]) => (await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).text(),
    [method, input] as const,
  );
}

/** Finds a person by name and opens their card, as staff do. */
async function open(page: Page, name: string): Promise<void> {
  const search = page.getByRole('combobox', { name: 'Search attendees' });
  await search.fill(name);
  await expect.poll(() => page.getByRole('option').allInnerTexts(), patient).toEqual([expect.stringContaining(name)]);
  await expect.poll(() => page.locator('.attendee-name').innerText(), patient).toBe(name);
}

/** Screenshots kept for a person to look at (not compared). */
const SCREENS = path.join(import.meta.dirname, '../../test-results/partner-screens');
const suggestions = (page: Page) => page.getByTestId('partner-suggestions');
const suggestedNames = (page: Page) => suggestions(page).locator('.partner-name').allInnerTexts();
const consentToggle = (page: Page) => page.getByRole('checkbox', { name: 'Show in partner suggestions' });

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-partners-desk-'));
  dbFile = path.join(dir, 'event.db');
  station = await startStationProcess(dbFile, ['--station', 'Door A']);
  const seeker = { industry: 'it', goals: ['hiring'], lookingFor: ['healthcare'] };
  await add({ name: '採用 一郎', company: '結びシステム', email: 'ichiro@example.jp', ...seeker });
  await add({ name: '採用 二葉', company: '結びソフト', email: 'futaba@example.jp', ...seeker });
  await arrive({ name: CONSENTING[0], company: '結び病院', industry: 'healthcare', goals: ['job'], partnerConsent: true, email: 'hanako@example.jp' });
  await arrive({ name: CONSENTING[1], company: '結び製作所', industry: 'manufacturing', goals: ['job'], partnerConsent: true, email: 'shiro@example.jp' });
  await arrive({ name: CONSENTING[2], company: '結び学園', industry: 'education', goals: ['ideas'], partnerConsent: true, email: 'sakura@example.jp' });
  await arrive({ name: CONSENTING[3], company: '結び銀行', industry: 'finance', goals: ['partners'], partnerConsent: true, email: 'saburo@example.jp' });
  const strong = { industry: 'healthcare', goals: ['job'], lookingFor: ['it'] };
  await arrive({ name: NEVER.said, company: '非公開病院', email: 'jiro@example.jp', partnerConsent: false, ...strong });
  await add({ name: NEVER.notArrived, company: '未着クリニック', email: 'goro@example.jp', partnerConsent: true, ...strong });
  const left = await arrive({ name: NEVER.left, company: '退出医院', email: 'rokuro@example.jp', partnerConsent: true, ...strong });
  await callStation(station.url, 'setPresence', { attendeeId: left, state: 'left' });
  const undone = await arrive({ name: NEVER.undone, company: '取消薬局', email: 'nanako@example.jp', partnerConsent: true, ...strong });
  await callStation(station.url, 'undoCheckIn', { attendeeId: undone });
  browser = await launchChromium();
  desk = await pairedDesk('Desk 1');
  otherDesk = await pairedDesk('Desk 2');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('partner suggestions on the staff desk', { timeout: 120_000 }, () => {
  it('shows no suggestions before check-in, then up to three consenting people present, with no e-mail', async () => {
    await open(desk, '採用 一郎');
    expect(await suggestions(desk).count()).toBe(0);
    await desk.getByRole('combobox', { name: 'Search attendees' }).press('Enter');
    await expect.poll(() => desk.getByTestId('checkin-state').innerText(), patient).toMatch(/Checked in \d\d:\d\d at/);
    await expect.poll(() => suggestedNames(desk), patient).toContain(CONSENTING[0]);
    const names = await suggestedNames(desk);
    expect(names.length).toBeLessThanOrEqual(3);
    for (const name of names) expect(CONSENTING as readonly string[]).toContain(name);
    const shown = await suggestions(desk).innerText();
    for (const name of Object.values(NEVER)) expect(shown).not.toContain(name);
    // Name, company, industry and goal of the person suggested, and why, in a few words.
    expect(shown).toContain('結び病院');
    // Drawn with the event's names for industries and goals from the first frame, never raw ids.
    expect(shown).toMatch(/job seeking, Healthcare/);
    expect(shown).not.toMatch(/^healthcare$/m);
    expect(shown).not.toContain('@');
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) {
      expect(answer).not.toContain('@');
      for (const name of Object.values(NEVER)) expect(answer).not.toContain(name);
    }
  });

  it('the desk toggle withdraws a person: another desk showing her in a card loses her at once', async () => {
    await open(otherDesk, '採用 一郎');
    // A card opened after the check-in shows suggestions only when staff ask (each showing counts).
    expect(await suggestions(otherDesk).count()).toBe(0);
    fs.mkdirSync(SCREENS, { recursive: true });
    await otherDesk.screenshot({ path: path.join(SCREENS, 'desk-card-opened-later-en.png') });
    await otherDesk.getByRole('button', { name: 'Show people to look for' }).click();
    await expect.poll(() => suggestedNames(otherDesk), patient).toContain(CONSENTING[0]);

    await open(desk, CONSENTING[0]);
    await expect.poll(() => consentToggle(desk).isChecked(), patient).toBe(true);
    await consentToggle(desk).uncheck();
    await expect.poll(() => consentOf(CONSENTING[0]), patient).toBe(0);
    // No reload, no new search on the other desk: her place goes to someone who agreed.
    await expect.poll(() => suggestedNames(otherDesk), patient).not.toContain(CONSENTING[0]);
    for (const name of await suggestedNames(otherDesk)) expect(CONSENTING.slice(1) as string[]).toContain(name);
    await expect.poll(() => consentToggle(desk).isChecked(), patient).toBe(false);
    // Opening her card to change her consent showed her nobody: the report counts only 採用 一郎.
    expect(await suggestions(desk).count()).toBe(0);
    expect(((await callStation(station.url, 'getPartnerReport', {})) as { shownTo: number }).shownTo).toBe(1);
  });

  it('and turning it back on makes her someone to suggest again, to the next person checked in', async () => {
    await consentToggle(desk).check();
    await expect.poll(() => consentOf(CONSENTING[0]), patient).toBe(1);
    await expect.poll(() => consentToggle(desk).isChecked(), patient).toBe(true);
    await open(desk, '採用 二葉');
    await desk.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect.poll(() => desk.getByTestId('checkin-state').innerText(), patient).toMatch(/Checked in/);
    await expect.poll(() => suggestedNames(desk), patient).toContain(CONSENTING[0]);
    const shown = await suggestions(desk).innerText();
    for (const name of Object.values(NEVER)) expect(shown).not.toContain(name);
    // The person checked in a moment ago consented to nothing: nobody is shown them.
    expect(shown).not.toContain('採用 一郎');
  });

  it('says so when nobody in the room agreed', async () => {
    for (const name of CONSENTING) {
      await open(desk, name);
      if (await consentToggle(desk).isChecked()) await consentToggle(desk).uncheck();
      await expect.poll(() => consentOf(name), patient).toBe(0);
    }
    await open(desk, '採用 二葉');
    await desk.getByRole('button', { name: 'Show people to look for' }).click();
    await expect.poll(() => suggestions(desk).innerText(), patient).toContain('Nobody in the room to suggest yet.');
    expect(await suggestions(desk).locator('li').count()).toBe(0);
  });
});
