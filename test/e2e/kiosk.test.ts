import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;

async function call(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(new URL(`api/${method}`, station.url), { method: 'POST', body: JSON.stringify(input) });
  return ((await response.json()) as { value: unknown }).value;
}

beforeAll(async () => {
  station = await startStationProcess(path.join(tempDir('musubi-kiosk-'), 'event.db'), ['--station', 'Kiosk 1']);
  await call('addAttendee', { name: '佐藤 花子', nameKana: 'さとう はなこ', company: '結び商事', ticketCode: 'MU-0001' });
  await call('addAttendee', { name: '鈴木 一郎', nameKana: 'すずき いちろう', company: '秘密工業', ticketCode: 'MU-0002' });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.clock.install();
  await page.goto(`${station.url}#/kiosk`);
  await page.getByRole('button', { name: 'English' }).click();
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('self check-in kiosk', () => {
  it('finds only the attendee whose ticket was entered, and checks them in after they confirm', async () => {
    await page.getByLabel('Ticket number').fill('mu-0001');
    await page.getByRole('button', { name: 'Find my registration' }).click();
    await expect.poll(() => page.getByText('Is this you?').count()).toBe(1);
    const text = await page.locator('main').innerText();
    expect(text).toContain('佐藤 花子');
    // Nobody else's data is ever on a kiosk screen.
    expect(text).not.toContain('鈴木');
    expect(text).not.toContain('秘密工業');
    await page.getByRole('button', { name: 'Yes, check me in' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'You are checked in' }).count()).toBe(1);
  });

  it('says so kindly when the ticket number is unknown', async () => {
    await page.getByRole('button', { name: 'OK' }).click();
    await page.getByLabel('Ticket number').fill('NOPE-1');
    await page.getByRole('button', { name: 'Find my registration' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/could not find that ticket number/);
  });

  it('goes back to the welcome screen when left alone, clearing what was typed', async () => {
    await page.getByLabel('Ticket number').fill('MU-0002');
    await page.getByRole('button', { name: 'Find my registration' }).click();
    await expect.poll(() => page.getByText('Is this you?').count()).toBe(1);
    await page.clock.fastForward(60_000);
    await expect.poll(() => page.getByText('Is this you?').count()).toBe(0);
    expect(await page.getByLabel('Ticket number').inputValue()).toBe('');
    expect(await page.locator('main').innerText()).not.toContain('鈴木');
  });
});
