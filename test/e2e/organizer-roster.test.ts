import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { searchIndexFor } from '../../electron/core/search/attendee-index';
import { createService } from '../../electron/core/service/service';
import type { RosterPage } from '../../shared/api/methods/roster';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { launchChromium } from '../helpers/browser';
import { generateAttendees } from '../helpers/generate-attendees';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

const N = 100_000;
const shots = process.env.MUSUBI_SCREENSHOTS;
let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;

/**
 * 100,000 generated people plus one the test looks for, written straight into the station's file,
 * and the file left as a station that has been running leaves it: with its search index saved. An
 * import keeps the index up as it goes and saves it; entries written around it leave the station
 * to build it from scratch in slices on start, and the list's first requests and search then race
 * that build on a busy machine (the time this test timed out).
 */
async function seed(file: string): Promise<void> {
  const db = openDatabase(file);
  const service = createService({ db, stationName: 'Seed' });
  const goals = [['hiring'], ['network', 'learning'], [], ['partners']];
  const people = generateAttendees(N, 5).map(({ romaji: _romaji, ...fields }, i) => ({ ...fields, goals: goals[i % goals.length] ?? [] }));
  people.push({ name: '大鳥居 美咲', nameKana: 'オオトリイ ミサキ', company: '結び企画', industry: 'media', goals: ['hiring'], ticketCode: 'RO-1' });
  appendNewAttendees(
    db,
    people.map((fields) => service.recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>),
  );
  const index = searchIndexFor(db);
  index.rebuild();
  await index.idle();
  db.close();
}

async function listed(input: object): Promise<RosterPage> {
  const response = await fetch(new URL('api/listAttendees', station.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return ((await response.json()) as { value: RosterPage }).value;
}

const count = () => page.locator('.roster-count').innerText();
/** A search over 100,000 people on a busy machine can take more than expect.poll's default second. */
const LONG = { timeout: 20_000 };

beforeAll(async () => {
  const file = path.join(tempDir('musubi-e2e-'), 'event.db');
  await seed(file);
  station = await startStationProcess(file);
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  await page.goto(station.url);
  await page.getByRole('button', { name: '主催者' }).click();
  await page.getByRole('button', { name: '参加者一覧' }).click();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('organizer attendee list', () => {
  it('shows all 100,001 people with only the rows in view in the page, and reaches the last one by scrolling', async () => {
    await expect.poll(count).toBe(`${(N + 1).toLocaleString('ja')} 名`);
    const rows = page.locator('.virtual-row');
    await expect.poll(() => rows.first().innerText()).not.toContain('読み込み中');
    expect(await rows.count()).toBeLessThan(40);
    const region = page.locator('.virtual-rows');
    await region.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const lastName = (await listed({ offset: N, limit: 1 })).items[0]?.name ?? '';
    await expect.poll(() => page.locator(`.virtual-row[aria-rowindex="${N + 2}"]`).innerText()).toContain(lastName);
    expect(await rows.count()).toBeLessThan(40);
    await region.evaluate((el) => el.scrollTo(0, 0));
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
      await page.locator('.roster-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, 'roster-ja.png') });
    }
  });

  it('edits a person, removes them after a confirmation and restores them, as the organizer sees it', async () => {
    await page.getByLabel('名前・ふりがな・会社・メール・受付番号で検索').fill('大鳥居');
    await expect.poll(count, LONG).toBe('1 名');
    await page.getByRole('button', { name: '編集: 大鳥居 美咲' }).click();
    const dialog = page.getByRole('dialog', { name: '参加者の編集' });
    await dialog.getByLabel('会社・所属').fill('結び企画 東京支社');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('.virtual-row').first().innerText(), LONG).toContain('結び企画 東京支社');
    // Saved through the log: the desk's search finds the new company at once.
    const byCompany = await listed({ query: '東京支社', offset: 0, limit: 5 });
    expect(byCompany.items.map((p) => p.name)).toEqual(['大鳥居 美咲']);

    await page.getByRole('button', { name: '編集: 大鳥居 美咲' }).click();
    await dialog.getByRole('button', { name: 'この参加者を削除' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect.poll(() => confirm.innerText(), LONG).toContain('あとから「元に戻す」で戻せます');
    await confirm.getByRole('button', { name: '削除する' }).click();
    await expect.poll(() => page.getByText('大鳥居 美咲 さんを削除しました。').count(), LONG).toBe(1);
    await expect.poll(count, LONG).toBe('0 名');
    expect((await listed({ query: '大鳥居', offset: 0, limit: 5 })).total).toBe(0);

    await page.getByLabel('状態').selectOption({ label: '削除済み' });
    await expect.poll(count, LONG).toBe('1 名');
    await page.getByRole('button', { name: '元に戻す: 大鳥居 美咲' }).click();
    await expect.poll(() => page.getByText('大鳥居 美咲 さんを元に戻しました。').count(), LONG).toBe(1);
    await expect.poll(count, LONG).toBe('0 名');
    await page.getByLabel('状態').selectOption({ label: 'すべて' });
    await expect.poll(count, LONG).toBe('1 名');
    // Back as they were, with the edit kept.
    expect((await listed({ query: '大鳥居', offset: 0, limit: 5 })).items[0]).toMatchObject({ company: '結び企画 東京支社', removed: false });
  }, 120_000);
});
