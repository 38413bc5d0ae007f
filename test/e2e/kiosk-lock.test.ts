import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { StationClient } from '../helpers/station-api';
import { tempDir } from '../helpers/temp';

/** What the page's own script can get from the API (the cookie rides along, as for any fetch). */
function callFromPage(page: Page, method: string, input: unknown): Promise<{ status: number; text: string }> {
  return page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, text: await response.text() };
    },
    [method, input] as const,
  );
}

/** The area navigation in the header (named in the page's language, so found by place). */
const areaButtons = (page: Page) => page.locator('header nav button');
const navigation = (page: Page) => page.locator('header nav');

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('kiosk lock on a loopback station', () => {
  let station: RunningProcess & { url: string };
  let page: Page;
  beforeAll(async () => {
    station = await startStationProcess(path.join(tempDir('musubi-lock-'), 'event.db'), ['--station', 'Front']);
    await new StationClient(station.url).value('addAttendee', { name: '佐藤 花子', email: 'hanako@example.jp', company: '結び商事' });
    page = await browser.newPage();
    await page.goto(`${station.url}#/kiosk`);
    await page.getByRole('button', { name: 'English' }).click();
  }, 60_000);
  afterAll(async () => {
    await station?.stop();
  });

  it('locks the browser into the kiosk: no way to the desk or the Organizer area, kiosk answers from the API', async () => {
    expect(await areaButtons(page).count()).toBe(3);
    await page.getByLabel('Choose a staff PIN').fill('2580');
    await page.getByRole('button', { name: 'Lock as self check-in' }).click();
    await expect.poll(() => navigation(page).count()).toBe(0);
    for (const area of ['staff', 'organizer', 'room']) {
      await page.goto(`${station.url}#/${area}`);
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { name: 'Welcome' }).count()).toBe(1);
      expect(await navigation(page).count()).toBe(0);
      expect(await page.getByRole('button', { name: /Check-in desk|Organizer/ }).count()).toBe(0);
      expect(await page.locator('main').innerText()).not.toMatch(/Search attendees|Export/);
    }
    // Typed by hand into the page: the station answers as to a kiosk, even from its own machine.
    for (const [method, input] of [
      ['searchAttendees', { query: '' }],
      ['exportAttendance', { format: 'csv' }],
      ['getPairingCode', {}],
    ] as const) {
      const answer = await callFromPage(page, method, input);
      expect(answer.status, method).toBe(403);
      expect(answer.text).not.toMatch(/hanako@example\.jp|佐藤/);
    }
    // A fresh browser on the same machine is still this station's organizer.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(station.url);
    await expect.poll(() => areaButtons(otherPage).count()).toBe(3);
    await other.close();
  }, 90_000);

  it('turns back only with the staff PIN', async () => {
    await page.getByRole('button', { name: 'Staff', exact: true }).click();
    await page.getByLabel('Staff PIN').fill('0000');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/Wrong PIN/);
    expect(await navigation(page).count()).toBe(0);
    await page.getByLabel('Staff PIN').fill('2580');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => areaButtons(page).count()).toBe(3);
    expect((await callFromPage(page, 'searchAttendees', { query: '' })).text).toContain('hanako@example.jp');
  });
});

describe('pairing a kiosk tablet with a station on the network', () => {
  const PIN = '731904';
  let station: RunningProcess & { url: string };
  beforeAll(async () => {
    station = await startStationProcess(path.join(tempDir('musubi-pair-'), 'event.db'), ['--host', '127.0.0.2', '--require-pairing', '--organizer-pin', PIN]);
  }, 60_000);
  afterAll(async () => {
    await station?.stop();
  });

  it('shows the organizer a code and QR link; the tablet that opens it is a kiosk with nowhere else to go', async () => {
    const organizer = await browser.newPage();
    await organizer.goto(station.url);
    await organizer.getByRole('button', { name: 'English' }).click();
    await organizer.getByLabel('Organizer PIN').fill(PIN);
    await organizer.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => areaButtons(organizer).count()).toBe(3);
    await areaButtons(organizer).filter({ hasText: 'Organizer' }).click();
    await organizer.getByLabel('Role').selectOption('kiosk');
    await organizer.getByLabel('Device name (optional)').fill('Entrance tablet');
    await organizer.getByRole('button', { name: 'Create a code' }).click();
    await expect.poll(() => organizer.getByRole('img', { name: 'QR code for pairing a device' }).count()).toBe(1);
    const code = (await organizer.getByLabel('Device pairing code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const tablet = await (await browser.newContext()).newPage();
    await tablet.goto(`${station.url}pair#code=${code}`);
    await expect.poll(() => tablet.getByRole('heading', { name: /ようこそ|Welcome/ }).count()).toBe(1);
    expect(await tablet.getByRole('navigation').count()).toBe(0);
    expect((await callFromPage(tablet, 'searchAttendees', { query: '' })).status).toBe(403);

    // The organizer sees it in the list and revokes it: the tablet's next call is refused.
    await organizer.reload();
    await expect.poll(() => organizer.getByRole('row').filter({ hasText: 'Entrance tablet' }).count()).toBe(1);
    await organizer.getByRole('row').filter({ hasText: 'Entrance tablet' }).getByRole('button', { name: 'Revoke' }).press('Enter');
    await expect.poll(() => organizer.getByRole('row').filter({ hasText: 'Entrance tablet' }).count()).toBe(0);
    expect((await callFromPage(tablet, 'whoAmI', {})).status).toBe(401);
    await tablet.reload();
    await expect.poll(() => tablet.getByRole('heading', { name: /この端末をつなぐ|Connect this device/ }).count()).toBe(1);
  }, 90_000);
});
