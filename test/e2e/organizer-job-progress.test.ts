import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { seedGeneratedEvent } from '../helpers/generated-event';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

/**
 * The organizer's export and badge batch run in the station's background: while they do, the
 * panel shows a progress bar with the step it is at, and the file arrives at the end. Screenshots
 * (MUSUBI_SCREENSHOTS=<folder>) in both languages on a laptop and a tablet.
 */
let browser: Browser;
let page: Page;
let station: RunningProcess & { url: string };
const shots = process.env.MUSUBI_SCREENSHOTS;

beforeAll(async () => {
  const dbFile = path.join(tempDir('musubi-e2e-'), 'event.db');
  // Enough people that building the file takes a while on any machine.
  seedGeneratedEvent(dbFile, 5000);
  station = await startStationProcess(dbFile, ['--station', 'Door A']);
  browser = await launchChromium();
  // One organizer page for every view: the language and the window change between them.
  page = await browser.newPage({ acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

// One view: a second export on the same station from the browser after a badge batch answered
// an internal error in this test (see the branch's report); the other views wait for that fix.
const VIEWS = [
  { locale: 'ja', width: 1280, height: 800 },
  { locale: 'en', width: 1024, height: 768 },
  { locale: 'ja', width: 800, height: 1280 },
] as const;

describe('progress of background jobs on the organizer screens', () => {
  for (const [index, view] of VIEWS.entries()) {
    // Chromium asks before a site's third automatic download; the first view checks the files, the
    // others what the panel says when they have arrived.
    const checksFiles = index === 0;
    it(`shows a progress bar while an XLSX export and the badge batch are built (${view.locale}, ${view.width}x${view.height})`, async () => {
      await page.setViewportSize({ width: view.width, height: view.height });
      await page.goto(`${station.url}#/organizer`);
      await page.evaluate((language) => localStorage.setItem('musubi.language', language), view.locale);
      await page.reload();
      const name = `${view.locale}-${view.width}x${view.height}`;
      // Counts read as organizers write them, grouped by thousands in both languages.
      await expect.poll(() => page.locator('.status-bar strong').innerText()).toBe(view.locale === 'ja' ? '受付済み 0 / 5,000 名' : '0 of 5,000 checked in');

      const exportPanel = page.locator('form.export-panel');
      await exportPanel.locator('select').first().selectOption('xlsx');
      const download = checksFiles ? page.waitForEvent('download', { timeout: 240_000 }) : null;
      await exportPanel.locator('button[type="submit"]').click();
      const bar = exportPanel.getByTestId('job-progress');
      await expect.poll(() => bar.isVisible()).toBe(true);
      await expect.poll(() => bar.innerText()).toMatch(view.locale === 'ja' ? /しています…（\d\/4）/ : /… \(\d\/4\)/);
      await bar.scrollIntoViewIfNeeded();
      if (shots) await page.screenshot({ path: path.join(shots, `export-progress-${name}.png`) });
      if (download) expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
      await expect.poll(() => bar.count(), { timeout: 240_000 }).toBe(0);
      await expect.poll(() => exportPanel.getByRole('status').innerText()).toMatch(/\.xlsx.*5,000/);

      const badgesButton = page.getByRole('button', { name: view.locale === 'ja' ? '全員分のバッジ（A4 シート・あいうえお順）' : 'All badges (A4 sheets, by reading)' });
      const badges = checksFiles ? page.waitForEvent('download', { timeout: 240_000 }) : null;
      await badgesButton.click();
      const badgeBar = page.locator('form').filter({ has: badgesButton }).getByTestId('job-progress');
      await expect.poll(() => badgeBar.isVisible()).toBe(true);
      await badgeBar.scrollIntoViewIfNeeded();
      if (shots) await page.screenshot({ path: path.join(shots, `badges-progress-${name}.png`) });
      if (badges) expect((await badges).suggestedFilename()).toBe('badges-a4.pdf');
      await expect.poll(() => badgeBar.count(), { timeout: 240_000 }).toBe(0);
      await expect.poll(() => page.locator('form').filter({ has: badgesButton }).getByRole('status').innerText()).toContain('badges-a4.pdf');
    }, 600_000);
  }
});
