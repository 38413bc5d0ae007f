import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { callStation, scan } from '../helpers/door';
import { REPO_ROOT, startStationProcess, type RunningProcess } from '../helpers/processes';

/**
 * Every desk and kiosk screen in both languages, on a 1280×800 laptop and a 10-inch tablet held
 * upright (800×1280) and sideways (1024×768), saved under test-results/screenshots for a person
 * to look at. What is asserted is what breaks a screen at those sizes: nothing wider than the
 * window, and a header that stays a header (not one character per line).
 */
const OUT = path.join(REPO_ROOT, 'test-results/screenshots');
const SIZES = [
  { name: 'laptop-1280x800', width: 1280, height: 800 },
  { name: 'tablet-800x1280', width: 800, height: 1280 },
  { name: 'tablet-1024x768', width: 1024, height: 768 },
];
const LANGUAGES = [
  { code: 'ja', button: '日本語' },
  { code: 'en', button: 'English' },
];

let dir: string;
let browser: Browser;
let station: RunningProcess & { url: string };

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-shots-'));
  station = await startStationProcess(path.join(dir, 'event.db'), ['--station', '受付 A（正面入口）']);
  await callStation(station.url, 'updateEvent', { eventName: '第12回 異業種交流会 in 横浜みなとみらい' });
  const people = [
    ['佐藤 花子', 'さとう はなこ', '株式会社むすび商事 経営企画部', 'SH-0001', 'manufacturing', ['ideas', 'partners'], ['it', 'finance']],
    ['佐藤 健一', 'さとう けんいち', 'サトウ精密工業', 'SH-0002', 'it', ['network'], ['healthcare']],
    ['Alice Smith', '', 'Acme Robotics', 'SH-0003', 'finance', ['hiring'], ['education', 'it']],
  ] as const;
  for (const [name, nameKana, company, ticketCode, industry, goals, lookingFor] of people) {
    await callStation(station.url, 'addAttendee', { name, nameKana, company, ticketCode, industry, goals: [...goals], lookingFor: [...lookingFor], email: `${ticketCode.toLowerCase()}@example.jp` });
  }
  // One kiosk visitor per screen size and language, so each run walks the whole way (goals step included).
  for (let n = 1; n <= SIZES.length * LANGUAGES.length; n += 1) {
    await callStation(station.url, 'addAttendee', {
      name: `来場 ${n}郎`, nameKana: `らいじょう ${n}ろう`, company: 'みなとみらい観光協会', ticketCode: `KI-000${n}`,
      industry: 'public', goals: ['learning'], lookingFor: ['food', 'energy', 'media'], email: `ki${n}@example.jp`,
    });
  }
  browser = await launchChromium();
});
let kioskVisitor = 0;

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  const fits = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    header: document.querySelector('.app-header')?.getBoundingClientRect().height ?? 0,
  }));
  expect(fits.overflow, `${name}: wider than the window`).toBeLessThanOrEqual(0);
  expect(fits.header, `${name}: the header wraps into a column`).toBeLessThan(170);
}

describe('desk and kiosk screenshots', { timeout: 240_000 }, () => {
  for (const size of SIZES) {
    for (const language of LANGUAGES) {
      it(`desk, ${size.name}, ${language.code}`, async () => {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
        await page.goto(station.url);
        await page.getByRole('button', { name: language.button }).click();
        const prefix = `desk-${size.name}-${language.code}`;
        await shoot(page, `${prefix}-1-empty`);
        await page.getByRole('combobox').fill('さとう');
        await expect.poll(() => page.getByRole('option').count()).toBe(2);
        await shoot(page, `${prefix}-2-search`);
        await page.getByRole('button', { name: language.code === 'ja' ? '当日参加を登録' : 'Register walk-in' }).click();
        await shoot(page, `${prefix}-3-walk-in`);
        await page.getByRole('button', { name: language.code === 'ja' ? 'キャンセル' : 'Cancel' }).click();
        await page.getByRole('button', { name: language.code === 'ja' ? '編集' : 'Edit', exact: true }).click();
        await shoot(page, `${prefix}-4-edit`);
        await page.getByRole('button', { name: language.code === 'ja' ? 'キャンセル' : 'Cancel' }).click();
        await page.mouse.click(size.width - 10, size.height - 10);
        await scan(page, 'SH-0009');
        await expect.poll(() => page.getByTestId('banner').count()).toBe(1);
        await shoot(page, `${prefix}-5-not-found`);
        await scan(page, 'SH-0001');
        await expect.poll(() => page.getByTestId('banner').getAttribute('class')).toMatch(/is-(checked-in|already)/);
        await shoot(page, `${prefix}-6-scanned`);
        await page.close();
      });

      it(`kiosk, ${size.name}, ${language.code}`, async () => {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
        await page.goto(`${station.url}#/kiosk`);
        await page.getByRole('button', { name: language.button }).click();
        const prefix = `kiosk-${size.name}-${language.code}`;
        await shoot(page, `${prefix}-1-welcome`);
        await page.getByRole('button', { name: language.code === 'ja' ? '名前でさがす' : 'Find me by name' }).click();
        await shoot(page, `${prefix}-2-by-name`);
        await page.getByRole('button', { name: language.code === 'ja' ? '戻る' : 'Back' }).click();
        kioskVisitor += 1;
        await scan(page, `KI-000${kioskVisitor}`);
        await expect.poll(() => page.locator('.kiosk-card').count()).toBe(1);
        await shoot(page, `${prefix}-3-is-this-you`);
        await page.locator('.kiosk-step .actions button.primary').click();
        const goals = page.locator('.kiosk-toggles');
        if ((await goals.count()) > 0) {
          await shoot(page, `${prefix}-4-goals`);
          // Taller than a tablet held sideways: the button to go on is on screen without scrolling.
          await page.screenshot({ path: path.join(OUT, `${prefix}-4-goals-on-screen.png`) });
          const go = await page.locator('.kiosk-go').boundingBox();
          expect((go?.y ?? Infinity) + (go?.height ?? 0), `${prefix}: the check-in button is below the screen`).toBeLessThanOrEqual(size.height);
          await page.locator('.kiosk-go').click();
        }
        await expect.poll(() => page.locator('.kiosk-done').count()).toBe(1);
        await shoot(page, `${prefix}-5-done`);
        await page.close();
      });
    }
  }
});
