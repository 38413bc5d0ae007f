import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { callStation, scan } from '../helpers/door';
import { REPO_ROOT, startStationProcess, type RunningProcess } from '../helpers/processes';

/**
 * Where people see partner suggestions, photographed in both languages on a 1280×800 laptop and a
 * 10-inch tablet held upright (800×1280): the desk card right after a check-in, the kiosk's last
 * screen, the venue screen (also on a 1920×1080 projector) and the organizer's report. Saved for a person to look at
 * (MUSUBI_SCREENSHOTS=<folder>, else test-results/partner-screens); what is asserted is what
 * breaks a screen at those sizes: nothing wider than the window, and suggestions actually shown.
 */
const OUT = process.env.MUSUBI_SCREENSHOTS ?? path.join(REPO_ROOT, 'test-results/partner-screens');
const SIZES = [
  { name: 'laptop-1280x800', width: 1280, height: 800 },
  { name: 'tablet-800x1280', width: 800, height: 1280 },
];
const LANGUAGES = [
  { code: 'ja', button: '日本語' },
  { code: 'en', button: 'English' },
];
const patient = { timeout: 15_000 };

let dir: string;
let browser: Browser;
let station: RunningProcess & { url: string };

async function add(fields: Record<string, unknown>, arrive = true): Promise<string> {
  const { id } = (await callStation(station.url, 'addAttendee', fields)) as { id: string };
  if (arrive) await callStation(station.url, 'checkIn', { attendeeId: id });
  return id;
}

/** Nothing wider than the window; when something is, the message names the outermost elements that stick out. */
/** A venue screen is never scrolled: the room view must fit the screen's height as well as its width. */
async function expectFitsHeight(page: Page, name: string): Promise<void> {
  const { over } = await page.evaluate(() => ({ over: document.documentElement.scrollHeight - window.innerHeight }));
  expect(over, `${name}: taller than the screen by ${over} px`).toBeLessThanOrEqual(0);
}

async function expectFits(page: Page, name: string): Promise<void> {
  const { overflow, culprits } = await page.evaluate(() => {
    const width = window.innerWidth;
    const out = [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > width + 1);
    const outermost = out.filter((el) => !out.includes(el.parentElement as Element));
    return {
      overflow: document.documentElement.scrollWidth - width,
      culprits: outermost.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
    };
  });
  expect(overflow, `${name}: wider than the window (${culprits.join(', ')})`).toBeLessThanOrEqual(0);
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
  await expectFits(page, name);
}

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-partner-shots-'));
  station = await startStationProcess(path.join(dir, 'event.db'), ['--station', '受付 A（正面入口）']);
  await callStation(station.url, 'updateEvent', { eventName: '第12回 異業種交流会 in 横浜みなとみらい' });
  // The room: people who agreed to be suggested, with realistic names and long company names.
  const room = [
    ['高橋 美咲', '医療法人社団 みなと総合クリニック', 'healthcare', ['job', 'network'], ['it']],
    ['Daniel Okafor', 'Harbour Robotics K.K.', 'manufacturing', ['partners'], ['finance', 'it']],
    ['中村 健太郎', '株式会社よこはまフィンテック研究所', 'finance', ['hiring'], ['it', 'healthcare']],
    ['小林 さくら', '学校法人 みらい学園', 'education', ['ideas', 'learning'], ['media']],
    ['渡辺 大輔', '株式会社湾岸エナジー', 'energy', ['partners'], ['manufacturing']],
    ['伊藤 真由美', '合同会社ローカルフード横浜', 'food', ['network'], ['retail']],
  ] as const;
  for (const [name, company, industry, goals, lookingFor] of room) {
    await add({ name, company, industry, goals: [...goals], lookingFor: [...lookingFor], partnerConsent: true, email: `${industry}@example.jp` });
  }
  // Present but not consenting: counted on the room view, never named.
  for (let n = 1; n <= 5; n += 1) await add({ name: `非公開 ${n}`, industry: n % 2 ? 'it' : 'retail', goals: ['job'], lookingFor: ['healthcare'] });
  // One desk visitor and one kiosk visitor per size and language.
  for (let n = 1; n <= SIZES.length * LANGUAGES.length; n += 1) {
    const person = { company: '株式会社むすびシステムズ 事業開発部', industry: 'it', goals: ['hiring', 'partners'], lookingFor: ['healthcare', 'finance'], email: `v${n}@example.jp` };
    await add({ name: `佐藤 ${n}郎`, nameKana: `さとう ${n}ろう`, ticketCode: `DK-000${n}`, ...person }, false);
    await add({ name: `鈴木 ${n}子`, nameKana: `すずき ${n}こ`, ticketCode: `KI-000${n}`, ...person }, false);
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('partner suggestions, photographed', { timeout: 240_000 }, () => {
  let visitor = 0;
  for (const size of SIZES) {
    for (const language of LANGUAGES) {
      const prefix = `${size.name}-${language.code}`;
      it(`desk card and kiosk's last screen, ${prefix}`, async () => {
        visitor += 1;
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
        await page.goto(station.url);
        await page.getByRole('button', { name: language.button }).click();
        await page.getByRole('combobox').fill(`さとう ${visitor}ろう`);
        await expect.poll(() => page.getByRole('option').count(), patient).toBe(1);
        await page.getByRole('combobox').press('Enter');
        await expect.poll(() => page.getByTestId('partner-suggestions').locator('li').count(), patient).toBe(3);
        await shoot(page, `desk-${prefix}`);

        await page.goto(`${station.url}#/kiosk`);
        await page.locator('.kiosk-by-name').waitFor(patient);
        await scan(page, `KI-000${visitor}`);
        await expect.poll(() => page.locator('.kiosk-card').count(), patient).toBe(1);
        await page.locator('.kiosk-step .actions button.primary').click();
        await page.getByTestId('kiosk-question-consent').locator('button').first().click();
        await page.locator('.kiosk-go').click();
        await expect.poll(() => page.getByTestId('partner-suggestions').locator('li').count(), patient).toBe(3);
        await expect.poll(() => page.locator('.kiosk-print.is-printing').count(), patient).toBe(0);
        await shoot(page, `kiosk-done-${prefix}`);
        await page.close();
      });

      it(`room view and organizer report, ${prefix}`, async () => {
        const page = await browser.newPage({ viewport: { width: size.width, height: size.height } });
        await page.goto(`${station.url}#/room`);
        await page.getByRole('button', { name: language.button }).click();
        await expect.poll(() => page.getByTestId('room-introductions').locator('li').count(), patient).toBeGreaterThan(0);
        await shoot(page, `room-${prefix}`);
        // A laptop driving the venue screen shows it all; a tablet held upright may scroll.
        if (size.width > size.height) await expectFitsHeight(page, `room-${prefix}`);
        await page.goto(`${station.url}#/organizer`);
        const report = page.getByTestId('partner-report');
        await report.waitFor(patient);
        await expect.poll(() => report.locator('tbody tr').count(), patient).toBeGreaterThan(0);
        await report.scrollIntoViewIfNeeded();
        await page.waitForTimeout(150);
        await report.screenshot({ path: path.join(OUT, `report-${prefix}.png`) });
        await expectFits(page, `report-${prefix}`);
        await page.close();
      });
    }
  }

  for (const language of LANGUAGES) {
    it(`room view on a venue projector (1920x1080), ${language.code}`, async () => {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      await page.goto(`${station.url}#/room`);
      await page.getByRole('button', { name: language.button }).click();
      await expect.poll(() => page.getByTestId('room-introductions').locator('li').count(), patient).toBeGreaterThan(0);
      await shoot(page, `room-projector-1920x1080-${language.code}`);
      await expectFitsHeight(page, `room-projector-1920x1080-${language.code}`);
      await page.close();
    });
  }
});
