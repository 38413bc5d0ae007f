import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { requireTestQueues, TEST_QUEUE } from '../helpers/cups';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

/**
 * The desk's printing, in Chromium against a real station process printing to the cups-pdf queue
 * (.ci/setup.d/cups-pdf.sh): auto-print on check-in, "already printed", a failed print with its
 * reason and Retry, and the check-in surviving the failure.
 */
const QUEUE = TEST_QUEUE;
/** Handing a job to CUPS takes a moment on a busy machine. */
const PRINTING = { timeout: 20_000 };

let browser: Browser;
let station: RunningProcess & { url: string };
let page: Page;

/** Calls the station's API directly, as another screen would. */
async function call(method: string, input: unknown): Promise<unknown> {
  const response = await fetch(new URL(`api/${method}`, station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return response.json();
}

beforeAll(async () => {
  station = await startStationProcess(path.join(tempDir('musubi-e2e-'), 'event.db'), ['--station', 'Door B']);
  await call('addAttendee', { name: '山田 太郎', nameKana: 'やまだ たろう', company: '結び商事', industry: 'manufacturing', goals: ['ideas'], lookingFor: ['it'] });
  browser = await launchChromium();
  page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(station.url);
  await page.getByRole('button', { name: 'English' }).click();
});

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('badge printing at the staff desk', { timeout: 60_000 }, () => {
  beforeEach(requireTestQueues);

  it('lets the organizer pick an OS printer and turn on printing at check-in', async () => {
    await page.getByRole('button', { name: 'Organizer' }).click();
    const printer = page.getByLabel("This station's printer");
    await expect.poll(() => printer.locator('option').allInnerTexts(), PRINTING).toContain(QUEUE);
    await printer.selectOption(QUEUE);
    await page.getByLabel('Size this station prints').selectOption('card');
    await page.getByLabel('Print the badge on check-in').check();
    await page.getByRole('button', { name: 'Save', exact: true }).last().click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Print a test badge' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Sent a test badge to ${QUEUE}` }).count(), PRINTING).toBe(1);
  });

  it('prints the badge by itself on check-in and then warns before a reprint', async () => {
    await page.getByRole('button', { name: 'Check-in desk' }).click();
    const search = page.getByRole('combobox', { name: 'Search attendees' });
    await search.fill('やまだ');
    await expect.poll(() => page.getByRole('option').count()).toBe(1);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('print-status').innerText(), PRINTING).toContain(`Sent 山田 太郎's badge to ${QUEUE}`);
    await expect.poll(() => page.getByTestId('print-count').innerText()).toBe('This badge has already been printed once.');
    await expect.poll(() => page.getByRole('button', { name: 'Reprint' }).count()).toBe(1);
  });

  it('shows why a print failed and a Retry, and keeps the check-in', async () => {
    // The printer disappears from the OS (unplugged, renamed): the station still points at it.
    await call('updatePrintSettings', { printer: 'UnpluggedPrinter' });
    await page.getByRole('button', { name: 'Reprint' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText(), PRINTING).toMatch(/The badge did not print: the printer cannot be found.*the check-in is saved/i);
    await expect.poll(() => page.getByTestId('checkin-state').innerText()).toMatch(/Checked in \d\d:\d\d at Door B/);
    await expect.poll(() => page.getByTestId('print-count').innerText()).toBe('This badge has already been printed once.');

    await call('updatePrintSettings', { printer: QUEUE });
    await page.getByRole('button', { name: 'Try printing again' }).click();
    await expect.poll(() => page.getByTestId('print-status').innerText(), PRINTING).toContain(`Sent 山田 太郎's badge to ${QUEUE}`);
    await expect.poll(() => page.getByTestId('print-count').innerText()).toBe('This badge has already been printed 2 times.');
  });

  it('shows the badge PDF itself inside the page', async () => {
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Refused to (frame|load)/.test(message.text())) refused.push(message.text());
    });
    await page.getByRole('button', { name: 'Show badge' }).click();
    const frame = page.getByRole('dialog', { name: "山田 太郎's badge" }).locator('iframe');
    await expect.poll(() => frame.getAttribute('src')).toMatch(/^blob:.*#navpanes=0/);
    // Chromium's PDF viewer opens the badge inside the frame (the page's CSP allows blob: frames).
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('blob:'))).toBe(true);
    expect(refused).toEqual([]);
    await page.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('reads naturally in Japanese', async () => {
    await page.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => page.getByTestId('print-count').innerText()).toBe('このバッジはすでに 2 回印刷しています。');
    await expect.poll(() => page.getByRole('button', { name: '再印刷' }).count()).toBe(1);
  });
});
