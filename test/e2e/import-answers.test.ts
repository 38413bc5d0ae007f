import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const SHOTS = process.env.MUSUBI_SCREENSHOTS;

let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;

beforeAll(async () => {
  station = await startStationProcess(path.join(tempDir('musubi-e2e-'), 'event.db'), ['--station', 'Door A']);
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('answer mapping and a cancelled person at the desk, in Chromium', () => {
  it('lists each answer with its count, takes a category for an unmapped one, and imports without warnings', async () => {
    await page.goto(`${station.url}#/organizer`);
    await page.getByLabel('取り込むファイル').setInputFiles(path.join(FIXTURES, 'peatix-status.csv'));
    const space = page.getByRole('combobox', { name: '「宇宙」の割り当て先' });
    await expect.poll(() => space.inputValue()).toBe('__none__');
    expect(await page.getByRole('combobox', { name: '「製造業」の割り当て先' }).inputValue()).toBe('manufacturing');
    expect(await page.getByTestId('import-answer').filter({ hasText: '製造業' }).innerText()).toContain('3 人');
    expect(await page.getByRole('listitem').filter({ hasText: '「宇宙」' }).innerText()).toContain('（1 人）');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'import-answers-ja.png'), fullPage: true });

    await space.selectOption('other');
    await page.getByRole('combobox', { name: '「世界平和」の割り当て先' }).selectOption('');
    await expect.poll(() => page.getByText('問題は見つかりませんでした。').count()).toBe(1);
    await page.getByRole('button', { name: '8 人分を取り込む' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '取り込みました' }).count()).toBe(1);

    // The same file again: every answer maps as last time.
    await page.getByLabel('取り込むファイル').setInputFiles(path.join(FIXTURES, 'peatix-status.csv'));
    await expect.poll(() => page.getByRole('combobox', { name: '「宇宙」の割り当て先' }).inputValue()).toBe('other');
    expect(await page.getByText('問題は見つかりませんでした。').count()).toBe(1);
  });

  it('refuses a cancelled registration at the desk and checks them in when staff override', async () => {
    await page.goto(`${station.url}#/staff`);
    const search = page.getByRole('combobox').first();
    await search.fill('上野');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('上野 三郎')]);
    await search.press('Enter');
    const banner = page.getByTestId('banner');
    await expect.poll(() => banner.innerText()).toContain('この申込はキャンセルされています');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'desk-cancelled-ja.png') });
    await banner.getByRole('button', { name: '確認済み・受付する' }).click();
    await expect.poll(() => banner.innerText()).toContain('上野 三郎');
    await expect.poll(() => banner.innerText()).not.toContain('キャンセルされています');
  });

  it('reads in English', async () => {
    const en = await browser.newPage({ locale: 'en-US', viewport: { width: 1024, height: 768 } });
    await en.goto(`${station.url}#/organizer`);
    await en.evaluate(() => localStorage.setItem('musubi.language', 'en'));
    await en.reload();
    const language = en.getByRole('button', { name: 'English' });
    if ((await language.count()) > 0) await language.first().click();
    await en.getByLabel('File to import').setInputFiles(path.join(FIXTURES, 'eventbrite-status.csv'));
    await expect.poll(() => en.getByRole('combobox', { name: 'Category for “Banking”' }).inputValue()).toBe('finance');
    if (SHOTS) await en.screenshot({ path: path.join(SHOTS, 'import-answers-en.png'), fullPage: true });
    await en.close();
  });
});
