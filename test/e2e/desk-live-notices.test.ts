/**
 * Change notices that say what changed must still bring every change to the screens it concerns:
 * paired desks on a station that requires pairing (their session's role is desk), another desk's
 * check-in (by scan and by Enter) and the organizer's settings change, all without a reload.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { scan } from '../helpers/door';
import { startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

const PIN = '731904';

/** A call made by the page's own script, with its session cookie; throws the station's refusal. */
async function callAs(page: Page, method: string, input: unknown): Promise<unknown> {
  const answer = await page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/api/${name}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    },
    [method, input] as const,
  );
  if (!answer.ok) throw new Error(`${method}: ${answer.error?.message}`);
  return answer.value;
}

/** The header's counts line ("1 of 2 checked in …"). */
const counts = (page: Page) => page.locator('.status-bar strong').innerText();

let browser: Browser;
let station: RunningProcess & { url: string };
let organizer: Page;
let deskA: Page;
let deskB: Page;

async function pairedDesk(label: string): Promise<Page> {
  const { code } = (await callAs(organizer, 'createDevicePairing', { role: 'desk', label })) as { code: string };
  const desk = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await desk.goto(`${station.url}pair#code=${code}`);
  await desk.getByRole('combobox').waitFor();
  await desk.getByRole('button', { name: 'English' }).click();
  return desk;
}

beforeAll(async () => {
  station = await startStationProcess(path.join(tempDir('musubi-notices-'), 'event.db'), ['--host', '127.0.0.2', '--require-pairing', '--organizer-pin', PIN]);
  browser = await launchChromium();
  organizer = await (await browser.newContext({ locale: 'en-GB' })).newPage();
  await organizer.goto(station.url);
  await organizer.getByRole('button', { name: 'English' }).click();
  await organizer.getByLabel('Organizer PIN').fill(PIN);
  await organizer.getByRole('button', { name: 'Log in' }).click();
  await organizer.locator('header nav').waitFor();
  await callAs(organizer, 'addAttendee', { name: '山田 太郎', nameKana: 'やまだ たろう', company: '結び商事', ticketCode: 'TKT-1001' });
  await callAs(organizer, 'addAttendee', { name: 'Alice Smith', company: 'Acme Robotics', ticketCode: 'TKT-1002' });
  deskA = await pairedDesk('Door A');
  deskB = await pairedDesk('Door B');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
});

describe('paired desks hear every change that concerns them', () => {
  it('a check-in at another desk updates this desk\'s counts and the card it shows', async () => {
    await expect.poll(() => counts(deskA)).toMatch(/0 of 2 checked in/);
    // Door A has Alice on its card, not checked in.
    const searchA = deskA.getByRole('combobox', { name: 'Search attendees' });
    await searchA.fill('Alice');
    await expect.poll(() => deskA.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Alice Smith')]);
    await expect.poll(() => deskA.getByRole('button', { name: 'Check in', exact: true }).count()).toBe(1);

    // Door B scans 山田's ticket: Door A's header follows.
    await scan(deskB, 'TKT-1001');
    await expect.poll(() => deskB.getByTestId('banner').innerText()).toMatch(/山田 太郎/);
    await expect.poll(() => counts(deskA)).toMatch(/1 of 2 checked in/);

    // Door B checks Alice in by name: Door A's card of Alice says so, without a reload.
    const searchB = deskB.getByRole('combobox', { name: 'Search attendees' });
    await searchB.fill('Alice');
    await expect.poll(() => deskB.getByRole('option').allInnerTexts()).toEqual([expect.stringContaining('Alice Smith')]);
    await searchB.press('Enter');
    await expect.poll(() => counts(deskA)).toMatch(/2 of 2 checked in/);
    await expect.poll(() => deskA.getByTestId('checkin-state').innerText()).toMatch(/Checked in \d\d:\d\d/);
    expect(await deskA.getByRole('button', { name: 'Check in', exact: true }).count()).toBe(0);
  }, 60_000);

  it('an undo at another desk reaches this desk too', async () => {
    await deskB.getByRole('button', { name: 'Undo check-in' }).click();
    await expect.poll(() => counts(deskA)).toMatch(/1 of 2 checked in/);
  }, 30_000);

  it('the organizer\'s settings change reaches every paired desk', async () => {
    await callAs(organizer, 'updateEvent', { eventName: 'Musubi Night 2026' });
    for (const desk of [deskA, deskB]) await expect.poll(() => desk.locator('.event-name').innerText()).toBe('Musubi Night 2026');
  }, 30_000);
});
