import Database from 'better-sqlite3';
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
 * A queue at the door, driven as a scanner and a staff member do: bursts at 0 ms per key with
 * the focus in the search box, on blank space, on Print, on a result row; name searches; an empty
 * Enter; an IME Enter; undo; reprint; walk-in; edit. After each step the station's database must
 * hold exactly the check-ins of the people scanned or chosen, nobody else.
 */
const PRINTING = { timeout: 20_000 };
const code = (n: number): string => `MU-${String(n).padStart(4, '0')}`;
const SURNAMES = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];

let dir: string;
let dbFile: string;
let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;
const expectedIn = new Set<string>();

function checkedInCodes(): string[] {
  return readCheckins(dbFile)
    .filter((row) => row.checkedIn && row.ticketCode)
    .map((row) => row.ticketCode)
    .sort();
}

const searchBox = (): ReturnType<Page['getByRole']> => page.getByRole('combobox', { name: 'Search attendees' });
const banner = (): ReturnType<Page['getByTestId']> => page.getByTestId('banner');

beforeAll(async () => {
  requireTestQueues();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-desk-queue-'));
  dbFile = path.join(dir, 'event.db');
  station = await startStationProcess(dbFile, ['--station', 'Door Q']);
  for (let n = 1; n <= 24; n += 1) {
    // Codes that share prefixes (MU-0001, MU-0010, MU-0011 …): a half-typed code matches others.
    await callStation(station.url, 'addAttendee', {
      name: `${SURNAMES[n % SURNAMES.length]} ${n}号`,
      nameKana: '',
      company: `会社${n}`,
      ticketCode: code(n),
      industry: n % 2 ? 'it' : 'finance',
      goals: ['ideas'],
      lookingFor: ['manufacturing'],
    });
  }
  await callStation(station.url, 'addAttendee', { name: 'Grace Hopper', company: 'Navy', ticketCode: 'GH-1906' });
  await callStation(station.url, 'addAttendee', { name: 'Ada Lovelace', company: 'Analytical Engines', ticketCode: 'AL-1815' });
  await callStation(station.url, 'addAttendee', { name: 'Alan Turing', company: 'Bletchley', ticketCode: 'AT-1912' });
  await callStation(station.url, 'updatePrintSettings', { printer: TEST_QUEUE, autoPrint: true });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  await page.goto(station.url);
  await page.getByRole('button', { name: 'English' }).click();
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('a queue of arrivals at the desk', { timeout: 120_000 }, () => {
  it('checks in exactly the scanned person, wherever the focus was when the scanner typed', async () => {
    const focusBefore = [
      async () => searchBox().click(),
      // Blank space beside the card.
      async () => page.mouse.click(1250, 780),
      // The Print button of the card now on screen.
      async () => page.getByRole('button', { name: /^(Print|Reprint)$/ }).click(),
      // A result row: first search for someone, then click their row.
      async () => {
        await searchBox().fill('Grace');
        await page.getByRole('option', { name: /Grace Hopper/ }).click();
      },
    ];
    for (let n = 1; n <= 20; n += 1) {
      if (n > 1) await focusBefore[n % focusBefore.length]!();
      await scan(page, code(n));
      expectedIn.add(code(n));
      await expect.poll(() => banner().innerText()).toContain(`${n}号 is checked in`);
    }
    expect(checkedInCodes()).toEqual([...expectedIn].sort());
    expect(readCheckins(dbFile).filter((row) => row.checkedIn).every((row) => row.source === 'qr')).toBe(true);
  });

  it('handles scans fired back to back, without waiting for each confirmation', async () => {
    await searchBox().click();
    for (const n of [21, 22, 23]) {
      await scan(page, code(n));
      expectedIn.add(code(n));
    }
    await expect.poll(() => banner().innerText()).toContain('23号 is checked in');
    await expect.poll(checkedInCodes).toEqual([...expectedIn].sort());
  });

  it('prints each badge through the station and shows the badge colour and goal on the confirmation', async () => {
    await expect.poll(() => page.getByTestId('print-status').innerText(), PRINTING).toContain(`to ${TEST_QUEUE}`);
    await expect.poll(() => banner().getByTestId('industry-chip').innerText()).toBe('IT & Telecom');
    await expect.poll(() => banner().getByTestId('goal-marks').innerText()).toContain('New ideas');
  });

  it('says "already checked in", when and where, and reprints on request', async () => {
    await scan(page, code(5));
    await expect.poll(() => banner().innerText()).toMatch(/Already checked in at \d\d:\d\d at Door Q/);
    await banner().getByRole('button', { name: 'Reprint' }).click();
    await expect.poll(() => page.getByTestId('print-status').innerText(), PRINTING).toContain(`5号's badge to ${TEST_QUEUE}`);
    expect(checkedInCodes()).toEqual([...expectedIn].sort());
  });

  it('says "not found" for an unknown code and checks in nobody', async () => {
    await scan(page, 'MU-9999');
    await expect.poll(() => banner().innerText()).toMatch(/Not found/);
    expect(checkedInCodes()).toEqual([...expectedIn].sort());
  });

  it('checks in by name search only the highlighted person, and an empty Enter does nothing', async () => {
    await searchBox().fill('');
    await searchBox().press('Enter');
    await searchBox().pressSequentially('Grace', { delay: 80 });
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Grace Hopper')]);
    // The banners of the last person went with the new search.
    expect(await banner().count()).toBe(0);
    await searchBox().press('Enter');
    expectedIn.add('GH-1906');
    await expect.poll(() => banner().innerText()).toContain('Grace Hopper is checked in');
    expect(checkedInCodes()).toEqual([...expectedIn].sort());
  });

  it('acts on nobody while the results for a changed text are still on their way', async () => {
    // The station's answer for the new text is held back, as on a slow network or a busy station.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/searchAttendees', async (route) => {
      if ((route.request().postDataJSON() as { query: string }).query === 'Alan') await held;
      await route.continue();
    });
    try {
      await searchBox().fill('Ada');
      await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Ada Lovelace')]);
      const adaRow = await page.getByRole('option', { name: /Ada Lovelace/ }).boundingBox();
      const adaCheckIn = await page.locator('.attendee-card').getByRole('button', { name: 'Check in', exact: true }).boundingBox();
      // Quickly: change the text, then click Ada's row and her card's Check in where they were drawn.
      await searchBox().fill('Alan');
      await page.mouse.click(adaRow!.x + adaRow!.width / 2, adaRow!.y + adaRow!.height / 2);
      await page.mouse.click(adaCheckIn!.x + adaCheckIn!.width / 2, adaCheckIn!.y + adaCheckIn!.height / 2);
      await searchBox().press('Enter');
      await page.waitForTimeout(300);
      expect(readCheckins(dbFile).find((row) => row.ticketCode === 'AL-1815')?.checkedIn).toBe(0);
      expect(await banner().count()).toBe(0);
    } finally {
      release();
    }
    // The answer for "Alan" arrives: the Enter pressed while waiting checks in the person it answers.
    await expect.poll(() => banner().innerText()).toContain('Alan Turing is checked in');
    expectedIn.add('AT-1912');
    await page.unroute('**/api/searchAttendees');
    expect(checkedInCodes()).toEqual([...expectedIn].sort());
  });

  it('ignores the Enter that confirms a Japanese IME conversion', async () => {
    await searchBox().fill('鈴木');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await searchBox().evaluate((box) => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true }));
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 229, bubbles: true, cancelable: true }));
    });
    await page.waitForTimeout(300);
    expect(checkedInCodes()).toEqual([...expectedIn].sort());
  });

  it('undoes a check-in from the card', async () => {
    await scan(page, code(24));
    await expect.poll(() => banner().innerText()).toContain('24号 is checked in');
    await page.getByRole('button', { name: 'Undo check-in' }).click();
    await expect.poll(() => banner().innerText()).toContain('was undone');
    await expect.poll(checkedInCodes).toEqual([...expectedIn].sort());
  });

  it('registers a walk-in, checked in and printed in one step', async () => {
    await page.getByRole('button', { name: 'Register walk-in' }).click();
    const form = page.getByRole('form', { name: 'Register a walk-in' });
    await form.getByLabel('Name', { exact: true }).fill('当日 参加');
    await form.getByLabel('Reading (furigana)').fill('とうじつ さんか');
    await form.getByLabel('Company').fill('飛び込み商会');
    await form.getByLabel('Industry').selectOption('retail');
    await form.getByRole('checkbox', { name: /Partners/ }).check();
    await form.getByRole('checkbox', { name: /Finance/ }).check();
    await form.getByRole('button', { name: 'Register, check in and print' }).click();
    await expect.poll(() => banner().innerText()).toContain('当日 参加 is checked in');
    await expect.poll(() => page.getByTestId('print-status').innerText(), PRINTING).toContain(`当日 参加's badge to ${TEST_QUEUE}`);
    const row = readCheckins(dbFile).find((r) => r.name === '当日 参加');
    expect(row).toMatchObject({ walkIn: 1, checkedIn: 1, company: '飛び込み商会', source: 'walkin' });
  });

  it('edits company, industry, goals and looking-for at the desk', async () => {
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: /Edit/ });
    await form.getByLabel('Company').fill('飛び込み商会 本店');
    await form.getByLabel('Industry').selectOption('food');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => readCheckins(dbFile).find((r) => r.name === '当日 参加')?.company).toBe('飛び込み商会 本店');
    await expect.poll(() => page.locator('.attendee-card').getByTestId('industry-chip').first().innerText()).toBe('Food & Agriculture');
  });
  it('turns the contact QR (vCard) on from the card and off from the edit form, each saved as a change of the attendee', async () => {
    const label = 'Contact QR code (vCard) on the badge';
    const vcardOf = (): unknown => {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        return db.prepare("SELECT vcard_opt_in AS v FROM attendees WHERE name = '当日 参加'").get();
      } finally {
        db.close();
      }
    };
    const upserts = (): number => {
      const db = new Database(dbFile, { readonly: true, fileMustExist: true });
      try {
        const rows = db.prepare("SELECT data FROM entries WHERE type = 'attendee.upsert'").all() as { data: string }[];
        return rows.filter((row) => 'vcardOptIn' in (JSON.parse(row.data) as { fields: object }).fields).length;
      } finally {
        db.close();
      }
    };
    const before = upserts();
    // The card's own re-read of the person after the change, carrying the saved choice: the edit
    // form opened after it starts from what the station has.
    const reread = page.waitForResponse(async (response) => response.url().endsWith('/getAttendee') && (await response.text()).includes('"vcardOptIn":true'));
    // The box shows what the station saved: it turns checked when the change comes back, not on the click.
    await page.locator('.attendee-card').getByRole('checkbox', { name: label }).click();
    await reread;
    await expect.poll(vcardOf).toEqual({ v: 1 });
    await expect.poll(() => page.locator('.attendee-card').getByRole('checkbox', { name: label }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: /Edit/ });
    expect(await form.getByRole('checkbox', { name: label }).isChecked()).toBe(true);
    await form.getByRole('checkbox', { name: label }).uncheck();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(vcardOf).toEqual({ v: 0 });
    expect(upserts()).toBe(before + 2);
  });
});
