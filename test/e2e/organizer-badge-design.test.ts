import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, relative } from '../../shared/api/http-routes';
import type { EventSettings } from '../../shared/domain/settings';
import { launchChromium } from '../helpers/browser';
import { drawLogoPng } from '../helpers/images';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;
const files = tempDir('musubi-e2e-files-');
/** Screenshots go here when MUSUBI_SCREENSHOTS names a folder (to look at them), else to the temp folder. */
const shots = process.env.MUSUBI_SCREENSHOTS ?? files;

async function call<T>(name: string, input: object = {}): Promise<T> {
  const response = await fetch(new URL(relative(apiPath(name as never)), station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return ((await response.json()) as { value: T }).value;
}

/** The design previews the page asked for and got back (the page's policy keeps blob: URLs from fetch). */
const previews: { size: string; pdf: string }[] = [];

beforeAll(async () => {
  station = await startStationProcess(path.join(tempDir('musubi-e2e-'), 'event.db'));
  await call('updateEvent', { eventName: '異業種交流会 2026 秋' });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  page.on('response', (response) => {
    if (!response.url().endsWith('/badgePreview')) return;
    const input = JSON.parse(response.request().postData() ?? '{}') as { size?: string };
    void response.json().then((body: { value?: { pdfBase64: string } }) => previews.push({ size: input.size ?? '', pdf: body.value?.pdfBase64 ?? '' }));
  });
  await page.goto(station.url);
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Organizer' }).click();
  await page.getByRole('heading', { name: 'Badge design' }).scrollIntoViewIfNeeded();
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('organizer designs the badge', { timeout: 60_000 }, () => {
  it('uploads a logo, and is told in plain words why an SVG is refused', async () => {
    fs.writeFileSync(path.join(files, 'logo.png'), drawLogoPng(300, 120));
    fs.writeFileSync(path.join(files, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const input = page.getByLabel('Choose a logo', { exact: true }).and(page.locator('input[type=file]'));
    await input.setInputFiles(path.join(files, 'logo.svg'));
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'SVG' }).count()).toBe(1);
    expect((await call<EventSettings>('getEvent')).badgeLogo).toBeNull();
    await input.setInputFiles(path.join(files, 'logo.png'));
    await expect.poll(async () => (await call<EventSettings>('getEvent')).badgeLogo?.width).toBe(300);
    await expect.poll(() => page.getByText('PNG · 300×120 pixels').count()).toBe(1);
  });

  it('previews the real PDF as the choices change, and saves them for the chosen size', async () => {
    await page.getByLabel('Print the event name at the top of the badge').check();
    await page.locator('.badge-design-choices select').selectOption('62mm');
    await page.getByLabel('Job title').uncheck();
    await page.getByLabel('Nickname (e.g. the connpass display name)').uncheck();
    await page.getByRole('radio', { name: 'Ticket code' }).check();
    // The preview of the 62 mm label came back as a PDF and is shown in the page.
    await expect.poll(() => previews.some((p) => p.size === '62mm' && Buffer.from(p.pdf, 'base64').subarray(0, 5).toString() === '%PDF-')).toBe(true);
    expect(await page.locator('.badge-design-preview iframe').getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => page.getByText('Unsaved changes').count()).toBe(1);
    await page.getByRole('button', { name: 'Save design' }).click();
    await expect.poll(async () => (await call<EventSettings>('getEvent')).badgeDesign.sizes['62mm']).toEqual({ company: true, title: false, lookingFor: true, nickname: false, qr: 'ticket' });
    const saved = await call<EventSettings>('getEvent');
    expect(saved.badgeDesign.showEventName).toBe(true);
    expect(saved.badgeDesign.sizes.card.title).toBe(true);
  });

  it('reads well in both languages on a laptop and on tablets', async () => {
    for (const language of ['English', '日本語'] as const) {
      await page.getByRole('button', { name: language }).click();
      for (const [w, h] of [[1280, 800], [1024, 768], [800, 1280]] as const) {
        await page.setViewportSize({ width: w, height: h });
        const panel = page.locator('.badge-design-panel');
        await panel.scrollIntoViewIfNeeded();
        await expect.poll(() => panel.locator('iframe').count()).toBe(1);
        // Chromium's PDF viewer paints a moment after its frame is laid out: only the picture waits for it.
        await page.waitForTimeout(1500);
        await panel.screenshot({ path: path.join(shots, `badge-design-${language === 'English' ? 'en' : 'ja'}-${w}x${h}.png`) });
      }
    }
    // The Japanese labels are in place (the heading and the save button).
    expect(await page.getByRole('heading', { name: 'バッジのデザイン' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'デザインを保存' }).count()).toBe(1);
  });
});
