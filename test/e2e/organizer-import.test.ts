import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { mixedUtf8AndCp932 } from '../helpers/encoded-files';
import { HOSTILE_WORKBOOKS } from '../helpers/hostile-workbooks';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;

beforeAll(async () => {
  station = await startStationProcess(path.join(tempDir('musubi-e2e-'), 'event.db'), ['--station', 'Door A']);
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP' });
  await page.goto(`${station.url}#/organizer`);
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('Organizer import screen in Chromium (Japanese, the default)', () => {
  it('previews a Shift_JIS export, shows problems by row and column, and writes nothing yet', async () => {
    await page.getByLabel('取り込むファイル').setInputFiles(path.join(FIXTURES, 'peatix-cp932.csv'));
    await expect.poll(() => page.getByTestId('import-file-info').innerText()).toContain('Shift_JIS');
    expect(await page.getByTestId('import-file-info').innerText()).toContain('見出しは 2 行目');
    expect(await page.getByTestId('import-counts').innerText()).toContain('新規 6 人');
    expect(await page.getByRole('combobox', { name: '「氏名」の取り込み先' }).inputValue()).toBe('name');
    expect(await page.getByRole('combobox', { name: '「チケット番号」の取り込み先' }).inputValue()).toBe('ticketCode');
    expect(await page.getByRole('listitem').filter({ hasText: '6 行目・業種' }).innerText()).toContain('「宇宙」');

    // Nothing is saved before the organizer confirms: the desk finds nobody yet.
    await page.goto(`${station.url}#/staff`);
    await page.getByRole('combobox').first().fill('高橋');
    await expect.poll(() => page.getByRole('option').count()).toBe(0);
  });

  it('lets the organizer ignore a column, then imports on confirm and the desk finds people', async () => {
    await page.goto(`${station.url}#/organizer`);
    await page.getByLabel('取り込むファイル').setInputFiles(path.join(FIXTURES, 'peatix-cp932.csv'));
    await expect.poll(() => page.getByTestId('import-counts').count()).toBe(1);
    await page.getByRole('combobox', { name: '「役職」の取り込み先' }).selectOption('ignore');
    await expect.poll(() => page.getByRole('combobox', { name: '「役職」の取り込み先' }).inputValue()).toBe('ignore');
    await page.getByRole('button', { name: '6 人分を取り込む' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '取り込みました' }).innerText()).toContain('新規 6 人');

    await page.goto(`${station.url}#/staff`);
    const search = page.getByRole('combobox').first();
    await search.fill('高橋');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('髙橋 健一')]);
    await search.fill('kouno');
    await expect.poll(() => page.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('河野 翔太')]);
  });

  it('says clearly when a file is not a table', async () => {
    await page.goto(`${station.url}#/organizer`);
    await page.getByLabel('取り込むファイル').setInputFiles(path.join(FIXTURES, 'not-a-table.pdf'));
    await expect.poll(() => page.getByRole('status').filter({ hasText: '表として読み込めません' }).count()).toBe(1);
  });

  it('names the file and the line when lines of a file are in different encodings', async () => {
    await page.goto(`${station.url}#/organizer`);
    await page.getByLabel('取り込むファイル').setInputFiles({ name: '名簿-結合.csv', mimeType: 'text/csv', buffer: mixedUtf8AndCp932() });
    const problem = page.getByRole('listitem').filter({ hasText: '文字コードの違う行が混ざっています' });
    await expect.poll(() => problem.count()).toBe(1);
    expect(await problem.innerText()).toContain('名簿-結合.csv（ファイル全体）');
    expect(await problem.innerText()).toContain('3 行目から別の文字コード');
  });

  it('says which import limit a workbook passes, and where', async () => {
    await page.goto(`${station.url}#/organizer`);
    const wide = HOSTILE_WORKBOOKS.find((f) => f.name === 'many-columns.xlsx');
    await page.getByLabel('取り込むファイル').setInputFiles({ name: 'wide.xlsx', mimeType: 'application/octet-stream', buffer: wide?.bytes() ?? Buffer.alloc(0) });
    const status = page.getByRole('status').filter({ hasText: '列数（500 列まで）' });
    await expect.poll(() => status.count()).toBe(1);
    expect(await status.innerText()).toContain('wide.xlsx row 2 column SG');
  });
});
