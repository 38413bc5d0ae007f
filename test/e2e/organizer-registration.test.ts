import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterPage, RosterRow } from '../../shared/api/methods/roster';
import type { EventSettings } from '../../shared/domain/settings';
import { launchChromium } from '../helpers/browser';
import { hexColour, pdfText, renderPage } from '../helpers/pdf-tools';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

/**
 * The registration list as an organizer meets it, in Chromium against a real station: answers
 * that match none of the event's categories become new ones from the import preview, a re-import
 * marks the people missing from the newer export as cancelled (after saying how many), and the
 * attendee list filters by where people stand and changes a registration status.
 */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const SHOTS = process.env.MUSUBI_SCREENSHOTS;
/** An import or a list page on a machine shared with other test runs can take more than a second. */
const LONG = { timeout: 20_000 };

let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;
const dir = tempDir('musubi-e2e-');

async function call<T>(method: string, input: object = {}): Promise<T> {
  const response = await fetch(new URL(`api/${method}`, station.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const answer = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!answer.ok) throw new Error(`${method}: ${JSON.stringify(answer.error)}`);
  return answer.value;
}

async function person(name: string): Promise<RosterRow> {
  const found = await call<RosterPage>('listAttendees', { query: name, limit: 5, filter: {} });
  const row = found.items.find((p) => p.name === name);
  if (!row) throw new Error(`${name} is not on the list`);
  return row;
}

const shot = async (name: string) => {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true });
};

beforeAll(async () => {
  station = await startStationProcess(path.join(dir, 'event.db'), ['--station', 'Door A']);
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  await page.goto(`${station.url}#/organizer`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('registration list in the organizer screens', () => {
  it('adds an unmatched answer as a new category from the preview; the people carry it and their badge has its colour', async () => {
    await page.getByLabel('取り込むファイル').setInputFiles(path.join(FIXTURES, 'peatix-status.csv'));
    const space = page.getByRole('combobox', { name: '「宇宙」の割り当て先' });
    await expect.poll(() => space.inputValue(), LONG).toBe('__none__');
    await space.selectOption({ label: '＋「宇宙」を新しい区分として追加' });
    await expect.poll(() => space.inputValue(), LONG).not.toBe('__none__');
    const peace = page.getByRole('combobox', { name: '「世界平和」の割り当て先' });
    await peace.selectOption({ label: '＋「世界平和」を新しい区分として追加' });
    await expect.poll(() => peace.inputValue(), LONG).not.toBe('__none__');
    // Nothing is left unmapped, so no row is warned about.
    await expect.poll(() => page.getByText('問題は見つかりませんでした。').count(), LONG).toBe(1);
    await shot('import-added-category-ja.png');

    const settings = await call<EventSettings>('getEvent');
    const spaceCategory = settings.industries.find((i) => i.ja === '宇宙');
    const peaceGoal = settings.goals.find((g) => g.ja === '世界平和');
    expect(spaceCategory).toMatchObject({ id: await space.inputValue(), en: '宇宙' });
    expect(peaceGoal).toMatchObject({ id: await peace.inputValue() });
    // Its colour is none of the other industries'.
    expect(settings.industries.filter((i) => i.color.toUpperCase() === spaceCategory?.color.toUpperCase())).toHaveLength(1);

    await page.getByRole('button', { name: '8 人分を取り込む' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '取り込みました' }).count(), LONG).toBe(1);
    const kato = await person('加藤 六花');
    expect(kato.industry).toBe(spaceCategory?.id);
    expect((await person('久保 八雲')).goals).toContain(peaceGoal?.id);

    // The badge as it prints: the band in the new category's colour, with its label.
    const preview = await call<{ pdfBase64: string }>('badgePreview', { attendeeId: kato.id, size: 'card' });
    const file = path.join(dir, 'kato.pdf');
    fs.writeFileSync(file, Buffer.from(preview.pdfBase64, 'base64'));
    const badge = renderPage(file, 100);
    const band = badge.pixel(badge.width - 10, 8);
    hexColour(spaceCategory?.color ?? '#000000').forEach((channel, i) => expect(Math.abs(channel - band[i]!)).toBeLessThanOrEqual(3));
    expect(pdfText(file)).toContain('宇宙');
  }, 60_000);

  it('marks people missing from a newer export as cancelled only when asked, after saying how many; a checked-in person is left as is', async () => {
    // 石田 came in before the newer export was made; 上野 is already cancelled.
    await call('checkIn', { attendeeId: (await person('石田 二葉')).id, source: 'search' });
    const lines = fs.readFileSync(path.join(FIXTURES, 'peatix-status.csv'), 'utf8').split(/\r?\n/);
    // The newer export lists PX-2004 … PX-2008 only: 青木, 石田 and 上野 are gone from it.
    const newer = [lines[0], ...lines.filter((line) => /^"PX-200[4-8]"/.test(line))].join('\r\n');
    await page.reload();
    await page.getByLabel('取り込むファイル').setInputFiles({ name: 'peatix-newer.csv', mimeType: 'text/csv', buffer: Buffer.from(newer) });

    // Only 青木 counts as missing: 石田 is checked in and 上野 was cancelled already.
    const box = page.getByRole('checkbox', { name: /このファイルにいない 1 人/ });
    await expect.poll(() => box.count(), LONG).toBe(1);
    expect(await box.isChecked()).toBe(false);
    expect(await page.getByTestId('import-counts').innerText()).toContain('キャンセル扱い 0 人');
    // Named before the organizer chooses, with the ticket code and company to tell them apart.
    const named = await page.getByTestId('import-missing-people').locator('li').allInnerTexts();
    expect(named).toHaveLength(1);
    expect(named[0]).toContain('青木 一郎');
    expect(named[0]).toContain('みらい銀行');
    // The answers map as they were mapped the first time.
    expect(await page.getByRole('combobox', { name: '「宇宙」の割り当て先' }).inputValue()).toBe((await person('加藤 六花')).industry);
    // The newer rows say what the first file said: unchecked, there is nothing to write.
    expect(await page.getByRole('button', { name: '取り込む行がありません' }).isDisabled()).toBe(true);

    await box.check();
    await expect.poll(() => page.getByTestId('import-counts').innerText(), LONG).toContain('キャンセル扱い 1 人');
    await shot('import-cancel-missing-ja.png');
    // The preview wrote nothing.
    expect((await person('青木 一郎')).registrationStatus).toBe('registered');

    await page.getByRole('button', { name: '1 人分を取り込む' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '取り込みました' }).count(), LONG).toBe(1);
    expect(await person('青木 一郎')).toMatchObject({ registrationStatus: 'cancelled', company: 'みらい銀行', removed: false });
    const ishida = await person('石田 二葉');
    expect(ishida.registrationStatus).toBe('registered');
    expect(ishida.checkedIn).not.toBeNull();
    expect((await person('上野 三郎')).registrationStatus).toBe('cancelled');
  }, 60_000);

  it('filters the list by where people stand and by registration status, and changes a status in the editor', async () => {
    await page.getByRole('button', { name: '参加者一覧' }).click();
    const count = () => page.locator('.roster-count').innerText();
    const rows = () => page.locator('.virtual-row').allInnerTexts();
    const filters = page.locator('.roster-filters');
    const status = filters.getByLabel('状態');
    const registration = filters.getByLabel('申込状況');
    await expect.poll(count, LONG).toBe('8 名');

    // Not arrived: registered, not in. The cancelled (青木 from the re-import, 上野, 木村 whose
    // payment expired) and 江口 who has not paid are not.
    await status.selectOption({ label: '未来場' });
    await expect.poll(count, LONG).toBe('3 名');
    expect((await rows()).map((text) => text.split('\n')[0])).toEqual(['岡本 五月', '加藤 六花', '久保 八雲']);

    await status.selectOption({ label: 'すべて' });
    await registration.selectOption({ label: 'キャンセル' });
    await expect.poll(count, LONG).toBe('3 名');
    const cancelled = await rows();
    expect(cancelled.map((text) => text.split('\n')[0])).toEqual(['青木 一郎', '上野 三郎', '木村 七海']);
    for (const text of cancelled) expect(text).toContain('キャンセル');
    await shot('roster-cancelled-ja.png');

    await registration.selectOption({ label: '支払い待ち' });
    await expect.poll(rows, LONG).toEqual([expect.stringContaining('江口 四季')]);
    expect((await rows())[0]).toContain('支払い待ち');

    // The other filters keep working beside it.
    await registration.selectOption({ label: '指定なし' });
    await status.selectOption({ label: '来場済み' });
    await expect.poll(rows, LONG).toEqual([expect.stringContaining('石田 二葉')]);
    await status.selectOption({ label: 'すべて' });
    await filters.getByLabel('業種').selectOption({ label: '宇宙' });
    await expect.poll(rows, LONG).toEqual([expect.stringContaining('加藤 六花')]);
    await filters.getByLabel('業種').selectOption({ label: '指定なし' });
    await filters.getByLabel('参加目的').selectOption({ label: '世界平和' });
    await expect.poll(rows, LONG).toEqual([expect.stringContaining('久保 八雲')]);
    await filters.getByLabel('参加目的').selectOption({ label: '指定なし' });

    // 久保 wrote that they can only come if a place frees up: on the waiting list.
    await page.getByRole('button', { name: '編集: 久保 八雲' }).click();
    const dialog = page.getByRole('dialog', { name: '参加者の編集' });
    expect(await dialog.getByLabel('申込状況').inputValue()).toBe('registered');
    await dialog.getByLabel('申込状況').selectOption({ label: '補欠（キャンセル待ち）' });
    await shot('roster-edit-ja.png');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('久保 八雲 さんの情報を保存しました。').count(), LONG).toBe(1);
    await status.selectOption({ label: '未来場' });
    await expect.poll(count, LONG).toBe('2 名');
    await status.selectOption({ label: 'すべて' });
    await registration.selectOption({ label: '補欠（キャンセル待ち）' });
    await expect.poll(rows, LONG).toEqual([expect.stringContaining('久保 八雲')]);
    expect((await rows())[0]).toContain('補欠');
    // Written to the log like any edit, so it syncs; the desk's header counts follow.
    expect((await person('久保 八雲')).registrationStatus).toBe('waitlisted');
    const header = await call<{ expected: number; checkedIn: number }>('getStatus');
    expect(header.expected - header.checkedIn).toBe(2);
  }, 60_000);
});
