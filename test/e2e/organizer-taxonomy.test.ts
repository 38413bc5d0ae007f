import { apiPath, relative } from '../../shared/api/http-routes';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSettings } from '../../shared/domain/settings';
import { launchChromium } from '../helpers/browser';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;

async function event(): Promise<EventSettings> {
  const response = await fetch(new URL(relative(apiPath('getEvent')), station.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await response.json()) as { value: EventSettings }).value;
}

beforeAll(async () => {
  station = await startStationProcess(path.join(tempDir('musubi-e2e-'), 'event.db'));
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(station.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Organizer' }).click();
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('organizer edits industries and goals', () => {
  it('warns while picking a colour people would confuse with another', async () => {
    await page.getByLabel('Colour of "メディア・広告"').fill('#0a78b5'); // almost IT's blue
    const warning = page.getByRole('status', { name: 'Colours that are hard to tell apart' });
    await expect.poll(() => warning.innerText()).toContain('"IT・通信" and "メディア・広告"');
    await page.getByLabel('Colour of "メディア・広告"').fill('#f0e442');
    await expect.poll(() => warning.count()).toBe(0);
  });

  it('adds an industry, gives a goal another mark, and saves through the event log', async () => {
    await page.getByRole('button', { name: 'Add an industry' }).click();
    await page.getByLabel('Industry 14 name (Japanese)').fill('スタートアップ');
    await page.getByLabel('Industry 14 name (English)').fill('Startups');
    await page.getByLabel('Colour of "スタートアップ"').fill('#ffffff');
    await page.getByLabel('Mark of "採用"').selectOption('heart');
    await page.getByRole('button', { name: 'Save industries and goals' }).click();
    await expect.poll(async () => (await event()).industries.at(-1)).toEqual({ id: 'industry-14', ja: 'スタートアップ', en: 'Startups', color: '#FFFFFF' });
    expect((await event()).goals.find((g) => g.id === 'hiring')?.mark).toBe('heart');
  });
});
