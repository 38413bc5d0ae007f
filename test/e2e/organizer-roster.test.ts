import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
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

/** 100,000 generated people plus one the test looks for, written straight into the station's file. */
function seed(file: string): void {
  const db = openDatabase(file);
  const service = createService({ db, stationName: 'Seed' });
  const goals = [['hiring'], ['network', 'learning'], [], ['partners']];
  const people = generateAttendees(N, 5).map(({ romaji: _romaji, ...fields }, i) => ({ ...fields, goals: goals[i % goals.length] ?? [] }));
  people.push({ name: '大鳥居 美咲', nameKana: 'オオトリイ ミサキ', company: '結び企画', industry: 'media', goals: ['hiring'], ticketCode: 'RO-1' });
  appendNewAttendees(
    db,
    people.map((fields) => service.recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>),
  );
  db.close();
}

async function listed(input: object): Promise<RosterPage> {
  const response = await fetch(new URL('api/listAttendees', station.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  return ((await response.json()) as { value: RosterPage }).value;
}

const count = () => page.locator('.roster-count').innerText();

beforeAll(async () => {
  const file = path.join(tempDir('musubi-e2e-'), 'event.db');
  seed(file);
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
});
