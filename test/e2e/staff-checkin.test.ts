import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;

beforeAll(async () => {
  station = await startStationProcess(path.join(tempDir('musubi-e2e-'), 'event.db'), ['--station', 'Door A']);
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(station.url);
  // The UI opens in Japanese; switch to English the way a user would.
  await page.getByRole('button', { name: 'English' }).click();
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('staff desk in Chromium against musubi station', () => {
  it('adds attendees in the Organizer area', async () => {
    await page.getByRole('button', { name: 'Organizer' }).click();
    // Other organizer panels (e.g. the export's column choices) also have "Name" and "Company".
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Add an attendee' }) });
    for (const [name, kana, company] of [
      ['山田 太郎', 'やまだ たろう', '結び商事'],
      ['Alice Smith', '', 'Acme Robotics'],
    ] as const) {
      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByLabel('Reading (furigana)').fill(kana);
      await form.getByLabel('Company').fill(company);
      await form.getByRole('button', { name: 'Add attendee' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: `${name} was added` }).count()).toBe(1);
    }
  });

  it('finds a person as you type, checks them in with Enter, and shows the state', async () => {
    await page.getByRole('button', { name: 'Check-in desk' }).click();
    const search = page.getByRole('combobox', { name: 'Search attendees' });
    await search.fill('やまだ');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('山田 太郎')]);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).toMatch(/Checked in \d\d:\d\d at Door A/);
    await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/1 of 2 checked in/);
  });

  it('says "already checked in" instead of checking in twice', async () => {
    const search = page.getByRole('combobox', { name: 'Search attendees' });
    await search.fill('山田');
    await search.press('Enter');
    await expect.poll(() => page.getByText(/Already checked in at \d\d:\d\d at Door A/).count()).toBe(1);
  });

  it('undoes a check-in and keeps the state across a reload', async () => {
    await page.getByRole('button', { name: 'Undo check-in' }).click();
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).toMatch(/Not checked in/);

    await page.getByRole('combobox', { name: 'Search attendees' }).fill('acme');
    // As staff do: look at the list for the person first (the search runs when typing pauses).
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Alice Smith')]);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).toMatch(/Checked in/);

    await page.reload();
    const search = page.getByRole('combobox', { name: 'Search attendees' });
    await search.fill('Alice');
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).toMatch(/Checked in \d\d:\d\d at Door A/);
    await search.fill('山田');
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).toMatch(/Not checked in/);
  });
});
