import type { MethodName } from '../../shared/api/contract';
import { apiPath, relative } from '../../shared/api/http-routes';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEOPLE, seedEvent } from '../helpers/attendance';
import { launchChromium } from '../helpers/browser';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;
let ids: Record<string, string>;
const shots = process.env.MUSUBI_SCREENSHOTS;
/** Answers travel through the station and a live re-read; the suite shares 2 cores with other tests. */
const patient = { timeout: 10_000 };

async function call(method: MethodName, input: unknown): Promise<unknown> {
  const response = await fetch(new URL(relative(apiPath(method)), station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

beforeAll(async () => {
  const dir = tempDir('musubi-e2e-');
  const dbFile = path.join(dir, 'event.db');
  const seeded = await seedEvent(dbFile);
  ids = seeded.ids;
  seeded.station.close();
  station = await startStationProcess(dbFile, ['--station', 'Door A', '--backup-dir', path.join(dir, 'backups')]);
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await page.goto(`${station.url}#/organizer`);
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('organizer dashboard, export and room view in Chromium', () => {
  it('shows the live numbers and updates when someone checks in elsewhere', async () => {
    const checkedIn = page.getByTestId('dashboard-checked-in');
    // The first load builds the page and opens the event stream: allow for a busy machine.
    const firstLoad = { timeout: 15_000 };
    await expect.poll(() => checkedIn.innerText(), firstLoad).toMatch(/^5\s*名（事前登録 5 名中 4 名）/);
    await expect.poll(() => page.locator('table.mix-matrix').innerText(), firstLoad).toContain('IT・通信');
    if (shots) await page.screenshot({ path: path.join(shots, 'dashboard.png'), fullPage: true });

    // Another screen (here: the API directly) checks the no-show in; the page follows without a reload.
    await call('checkIn', { attendeeId: ids['TK-005'], source: 'qr' });
    await expect.poll(() => checkedIn.innerText(), patient).toMatch(/^6/);
  });

  it('exports the chosen columns as a CSV download that a CSV parser reads back', async () => {
    await page.getByLabel('ファイル形式').selectOption('csv');
    // The badge design panel has field checkboxes too: these are the export's.
    const exportForm = page.locator('form.export-panel');
    await exportForm.getByRole('checkbox', { name: 'メールアドレス' }).check();
    await exportForm.getByRole('checkbox', { name: '役職' }).uncheck();
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '書き出す' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^異業種交流会 秋-attendance-\d{4}-\d{2}-\d{2}\.csv$/);
    const file = path.join(tempDir(), 'download.csv');
    await download.saveAs(file);
    const rows = parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toContain('メールアドレス');
    expect(Object.keys(rows[0] ?? {})).not.toContain('役職');
    expect(rows.find((r) => r['受付番号'] === 'TK-005')?.['受付状況']).toBe('受付済');
    await expect.poll(() => page.getByText(/名）を書き出しました/).count(), patient).toBe(1);
  });

  it('shows the Shift_JIS warnings with row and column', async () => {
    await page.getByLabel('ファイル形式').selectOption('csv-sjis');
    await page.getByRole('button', { name: '書き出す' }).click();
    await expect.poll(() => page.getByRole('alert').innerText(), patient).toMatch(/行目「氏名」: 😀（U\+1F600）/);
    if (shots) await page.screenshot({ path: path.join(shots, 'export.png'), fullPage: true });
  });

  it('backs up on demand and unlocks the purge only after a current export', async () => {
    await page.getByRole('button', { name: '今すぐバックアップ' }).click();
    await expect.poll(() => page.getByText(/バックアップしました/).count(), patient).toBe(1);
    await expect.poll(() => page.getByRole('button', { name: '個人情報を削除する' }).isEnabled(), patient).toBe(true);
  });

  it('the room view shows counts and mix in large type and no attendee names', async () => {
    const room = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1920, height: 1080 } });
    await room.goto(`${station.url}#/room`);
    await expect.poll(() => room.getByTestId('room-count').innerText(), { timeout: 15_000 }).toMatch(/6 名/);
    await expect.poll(() => room.getByText('IT・通信').count(), patient).toBeGreaterThan(0);
    if (shots) await room.screenshot({ path: path.join(shots, 'room.png') });
    const text = await room.locator('body').innerText();
    const html = await room.content();
    for (const person of [...PEOPLE, { name: '飛び込み 花子', company: '当日株式会社', email: 'none@invalid' }]) {
      expect(text).not.toContain(person.name);
      expect(html).not.toContain(person.company);
      expect(html).not.toContain(person.email);
    }
    await call('registerWalkIn', { name: '遅刻 次郎', industry: 'finance' });
    await expect.poll(() => room.getByTestId('room-count').innerText(), patient).toMatch(/7 名/);
    expect(await room.locator('body').innerText()).not.toContain('遅刻');
    await room.close();
  });

  it('purges personal data after a fresh export and a confirmation; the counts stay', async () => {
    // The walk-in above is newer than the last export: the purge waits for a new one.
    const purgeButton = page.getByRole('button', { name: '個人情報を削除する' });
    await expect.poll(() => purgeButton.isEnabled(), patient).toBe(false);
    await page.getByLabel('ファイル形式').selectOption('xlsx');
    await page.getByRole('button', { name: '書き出す' }).click();
    await expect.poll(() => purgeButton.isEnabled(), patient).toBe(true);
    page.once('dialog', (dialog) => void dialog.accept());
    await purgeButton.click();
    await expect.poll(() => page.getByText(/に個人情報を削除しました/).count(), patient).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('dashboard-checked-in').innerText(), patient).toMatch(/^7/);
    const found = (await call('searchAttendees', { query: '山田', limit: 10 })) as { total: number };
    expect(found.total).toBe(0);
  });
});
