import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { StationClient } from '../helpers/station-api';
import { tempDir } from '../helpers/temp';

/**
 * An event in two parts against a real `musubi station`: the organizer sets up a seminar list
 * and a party list in Chromium, a desk on the 懇親会 list refuses a seminar-only ticket with a
 * clear message and admits the person after a staff override.
 */
const OUT = path.join(import.meta.dirname, '../../test-results/screenshots');
let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;
let api: StationClient;
/** The desk's search results (the header's list picker has options too). */
const results = () => page.locator('#search-results').getByRole('option');

beforeAll(async () => {
  station = await startStationProcess(path.join(tempDir('musubi-e2e-lists-'), 'event.db'), ['--station', 'Door P']);
  api = new StationClient(station.url);
  await api.value('addAttendee', { name: '佐藤 花子', nameKana: 'さとう はなこ', ticketCode: 'S-001', ticketType: 'セミナーのみ' });
  await api.value('addAttendee', { name: '山田 太郎', nameKana: 'やまだ たろう', ticketCode: 'B-001', ticketType: 'セミナー＋懇親会' });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  await page.goto(station.url);
  fs.mkdirSync(OUT, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('check-in lists in Chromium against musubi station', { timeout: 120_000 }, () => {
  it('the organizer sets up a seminar list and a party list with their ticket types', async () => {
    await page.getByRole('button', { name: '主催者' }).click();
    const panel = page.locator('form', { has: page.getByRole('heading', { name: '受付リスト（部ごとの受付）' }) });
    // The ticket types the registrations hold are listed, to be copied exactly.
    await expect.poll(() => panel.innerText()).toContain('セミナーのみ（1 名）');
    await panel.getByRole('button', { name: 'リストを追加' }).click();
    await panel.getByLabel('リスト 1 の名前').fill('セミナー');
    await panel.getByLabel('リスト 1 の英語名').fill('Seminar');
    await panel.getByLabel('セミナー で受け付けるチケット種別').fill('セミナーのみ、セミナー＋懇親会');
    await panel.getByRole('button', { name: 'リストを追加' }).click();
    await panel.getByLabel('リスト 2 の名前').fill('懇親会');
    await panel.getByLabel('リスト 2 の英語名').fill('Party');
    await panel.getByLabel('懇親会 で受け付けるチケット種別').fill('懇親会のみ、セミナー＋懇親会');
    // The editor is made anew from the saved lists once the screen re-reads them: the form filled in
    // here is replaced (detached) by one seeded from the station's answer.
    const filled = await panel.elementHandle();
    await panel.getByRole('button', { name: '受付リストを保存' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '受付リストを保存しました。' }).count()).toBe(1);
    const settings = await api.value<{ checkinLists: { id: string; ja: string; ticketTypes: string[] }[] }>('getEvent');
    expect(settings.checkinLists).toEqual([
      { id: 'main', ja: 'セミナー', en: 'Seminar', ticketTypes: ['セミナーのみ', 'セミナー＋懇親会'] },
      { id: 'list-2', ja: '懇親会', en: 'Party', ticketTypes: ['懇親会のみ', 'セミナー＋懇親会'] },
    ]);
    // Saving reloads the panel from the settings it saved.
    await expect.poll(() => filled?.evaluate((form) => form.isConnected)).toBe(false);
    await expect.poll(() => panel.getByLabel('懇親会 で受け付けるチケット種別').inputValue()).toBe('懇親会のみ、セミナー＋懇親会');
    await panel.screenshot({ path: path.join(OUT, 'checkin-lists-organizer-ja.png') });
  });

  it('a desk on the 懇親会 list refuses a seminar-only ticket and admits after the staff override', async () => {
    await page.getByRole('button', { name: '受付', exact: true }).click();
    const picker = page.getByLabel('この端末の受付リスト');
    await picker.selectOption({ label: '懇親会' });
    await expect.poll(() => page.getByTestId('list-count').innerText()).toBe('このリスト 0 / 1 名');

    const search = page.getByRole('combobox', { name: '参加者を検索' });
    await search.fill('さとう');
    await expect.poll(() => results().allInnerTexts()).toEqual([expect.stringContaining('佐藤 花子')]);
    await search.press('Enter');
    const refusal = page.getByRole('alert');
    await expect.poll(() => refusal.innerText()).toContain('懇親会 の受付対象外のチケットです');
    await expect.poll(() => refusal.innerText()).toContain('「セミナーのみ」');
    await page.screenshot({ path: path.join(OUT, 'checkin-lists-refused-ja.png') });
    expect((await api.value<{ checkedIn: unknown }>('findByTicketCode', { ticketCode: 'S-001' })).checkedIn).toBeNull();

    await refusal.getByRole('button', { name: 'スタッフ判断で受け付ける' }).click();
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).toMatch(/受付済み/);
    await expect.poll(() => page.getByTestId('list-count').innerText()).toBe('このリスト 1 / 1 名');
    const hanako = await api.value<{ lists?: Record<string, { station: string }> }>('findByTicketCode', { ticketCode: 'S-001' });
    expect(hanako.lists?.['list-2']).toMatchObject({ station: 'Door P', list: 'list-2' });
  });

  it('someone checked in at the seminar is checked in again at the party door, with no conflict', async () => {
    await page.getByLabel('この端末の受付リスト').selectOption({ label: 'セミナー' });
    const search = page.getByRole('combobox', { name: '参加者を検索' });
    await search.fill('やまだ');
    await expect.poll(() => results().allInnerTexts()).toEqual([expect.stringContaining('山田 太郎')]);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).toMatch(/受付済み/);

    await page.getByLabel('この端末の受付リスト').selectOption({ label: '懇親会' });
    // On the party's list the same person is not checked in yet: the card offers the check-in.
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).not.toMatch(/受付済み/);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).toMatch(/受付済み/);
    await expect.poll(() => page.getByTestId('list-count').innerText()).toBe('このリスト 2 / 1 名');
    const taro = await api.value<{ conflicts: unknown[]; lists?: Record<string, unknown> }>('findByTicketCode', { ticketCode: 'B-001' });
    expect(taro.conflicts).toEqual([]);
    expect(Object.keys(taro.lists ?? {}).sort()).toEqual(['list-2', 'main']);
  });

  it('reads in English, on a tablet held upright', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.getByRole('combobox', { name: 'Search attendees' }).fill('さとう');
    await expect.poll(() => results().allInnerTexts()).toEqual([expect.stringContaining('佐藤 花子')]);
    await page.screenshot({ path: path.join(OUT, 'checkin-lists-desk-en-800.png') });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.getByRole('button', { name: 'Organizer' }).click();
    const panel = page.locator('form', { has: page.getByRole('heading', { name: 'Check-in lists (one per part of the event)' }) });
    await panel.screenshot({ path: path.join(OUT, 'checkin-lists-organizer-en-1024.png') });
    expect(await panel.getByLabel('Ticket types Party admits').inputValue()).toMatch(/^懇親会のみ.\s?セミナー＋懇親会$/);
  });
});
