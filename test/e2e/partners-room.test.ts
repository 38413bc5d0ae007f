import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { callStation } from '../helpers/door';
import { startStationProcess, type RunningProcess } from '../helpers/processes';

/**
 * Partner suggestions on the venue screen and in the organizer's report, against a real
 * `musubi station` in Chromium. The room screen is a browser paired for the `room` role: it shows
 * unmet demand by sector among the people present (counts only) and "introductions now" among
 * people who agreed to be suggested, by name and industry, and follows the room without a reload.
 * The organizer's dashboard shows what the suggestions did, and the XLSX export carries the same.
 */
const patient = { timeout: 15_000 };

let dir: string;
let browser: Browser;
let station: RunningProcess & { url: string };
let room: Page;
/** Every getPartnerRoom answer the room screen received, as sent over the wire. */
const roomAnswers: string[] = [];
const ids: Record<string, string> = {};

const CONSENTING = { seeker: 'IT 一郎', hospital: '医療 花子' };
/** Present but said no; not arrived; left; all strong matches that would show if the rules slipped. */
const NOT_INTRODUCED = ['金融 二郎', '教育 三子', '非公開 六子', '未着 四郎', '退出 五郎'];
const COMPANIES = ['ITシステム', '結び病院', '結び銀行', '結び学園', '非公開病院', '未着医院', '退出医院'];

async function add(key: string, fields: Record<string, unknown>, state: 'absent' | 'present' | 'left' = 'present'): Promise<void> {
  const { id } = (await callStation(station.url, 'addAttendee', { name: key, email: `${id4(key)}@example.jp`, ...fields })) as { id: string };
  ids[key] = id;
  if (state === 'absent') return;
  await callStation(station.url, 'checkIn', { attendeeId: id });
  if (state === 'left') await callStation(station.url, 'setPresence', { attendeeId: id, state: 'left' });
}

/** A made-up mailbox per person, so the test can look for any e-mail at all. */
function id4(name: string): string {
  return `p${[...name].reduce((sum, char) => sum + (char.codePointAt(0) ?? 0), 0)}`;
}

const demandLines = (page: Page) => page.getByTestId('room-demand').locator('li').allInnerTexts();
const introductions = (page: Page) => page.getByTestId('room-introductions');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-partners-room-'));
  station = await startStationProcess(path.join(dir, 'event.db'), ['--station', 'Door A']);
  await add(CONSENTING.seeker, { company: 'ITシステム', industry: 'it', goals: ['hiring'], lookingFor: ['healthcare'], partnerConsent: true });
  await add('金融 二郎', { company: '結び銀行', industry: 'finance', goals: ['hiring'], lookingFor: ['healthcare'] });
  await add('教育 三子', { company: '結び学園', industry: 'education', goals: ['ideas'], lookingFor: ['healthcare', 'it'] });
  await add(CONSENTING.hospital, { company: '結び病院', industry: 'healthcare', goals: ['job'], partnerConsent: true });
  await add('非公開 六子', { company: '非公開病院', industry: 'healthcare', goals: ['job'] });
  const elsewhere = { industry: 'healthcare', goals: ['job'], lookingFor: ['healthcare', 'it'], partnerConsent: true };
  await add('未着 四郎', { company: '未着医院', ...elsewhere }, 'absent');
  await add('退出 五郎', { company: '退出医院', ...elsewhere }, 'left');
  browser = await launchChromium();
  const { code } = (await callStation(station.url, 'createDevicePairing', { role: 'room', label: 'Hall screen' })) as { code: string };
  room = await (await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 800 } })).newPage();
  room.on('response', (response) => {
    if (response.url().endsWith('/api/getPartnerRoom')) void response.text().then((text) => roomAnswers.push(text), () => undefined);
  });
  await room.goto(`${station.url}pair#code=${code}`);
  await room.getByTestId('room-demand').waitFor(patient);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await station?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the room view on a screen paired as the room', { timeout: 120_000 }, () => {
  it('is the room role, with no way to the desk or the organizer area', async () => {
    const who = await room.evaluate(async () => (await fetch('/api/whoAmI', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).text());
    expect(who).toContain('"role":"room"');
    expect(await room.locator('header nav').count()).toBe(0);
  });

  it('shows unmet demand by sector among the people present only', async () => {
    // Seeking healthcare: three present (the absent and the left seekers are not counted); from healthcare: two present.
    await expect.poll(() => demandLines(room), patient).toEqual(['医療・ヘルスケアを探している人 3 名 / 医療・ヘルスケアの来場者 2 名', 'IT・通信を探している人 1 名 / IT・通信の来場者 1 名']);
    expect(await room.getByTestId('room-demand').locator('li.unmet').allInnerTexts()).toEqual([expect.stringContaining('医療・ヘルスケアを探している人 3 名')]);
  });

  it('introduces consenting people present only, by name and industry, and never shows an e-mail or company', async () => {
    await expect.poll(() => introductions(room).locator('li').count(), patient).toBe(1);
    const line = await introductions(room).locator('li').innerText();
    expect(line).toContain(`${CONSENTING.seeker}（IT・通信）`);
    expect(line).toContain(`${CONSENTING.hospital}（医療・ヘルスケア）`);
    expect(await introductions(room).innerText()).toContain('紹介への表示に同意した方だけを載せています。');
    const screen = await room.locator('body').innerText();
    const html = await room.content();
    for (const name of NOT_INTRODUCED) expect(screen).not.toContain(name);
    for (const company of COMPANIES) expect(html).not.toContain(company);
    expect(html).not.toContain('@example.jp');
    expect(roomAnswers.length).toBeGreaterThan(0);
    for (const answer of roomAnswers) {
      for (const name of NOT_INTRODUCED) expect(answer).not.toContain(name);
      for (const company of COMPANIES) expect(answer).not.toContain(company);
      expect(answer).not.toContain('@');
    }
  });

  it('follows the room without a reload: a new seeker counts, a withdrawal takes the introduction off', async () => {
    await add('製造 七海', { company: '結び製作所', industry: 'manufacturing', goals: ['partners'], lookingFor: ['healthcare'] });
    await expect.poll(() => demandLines(room), patient).toContain('医療・ヘルスケアを探している人 4 名 / 医療・ヘルスケアの来場者 2 名');
    await callStation(station.url, 'setPartnerConsent', { attendeeId: ids[CONSENTING.hospital], consent: false });
    await expect.poll(() => introductions(room).innerText(), patient).toContain('いまご紹介できる組み合わせはありません。');
    expect(await room.locator('body').innerText()).not.toContain(CONSENTING.hospital);
    // Her consent changes who may be introduced, not how many people are in the room.
    expect(await demandLines(room)).toContain('医療・ヘルスケアを探している人 4 名 / 医療・ヘルスケアの来場者 2 名');
    await callStation(station.url, 'setPartnerConsent', { attendeeId: ids[CONSENTING.hospital], consent: true });
    await expect.poll(() => introductions(room).locator('li').count(), patient).toBe(1);
  });

  it('reads in English too', async () => {
    // The venue screen has no header: its language buttons sit in the footer.
    await room.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => demandLines(room), patient).toContain('4 looking for Healthcare / 2 from Healthcare here');
    await expect.poll(() => introductions(room).innerText(), patient).toMatch(/Introductions now[\s\S]*IT 一郎 \(IT & Telecom\)/);
    await room.getByRole('button', { name: '日本語' }).click();
    await expect.poll(() => introductions(room).innerText(), patient).toContain('IT 一郎（IT・通信）');
  });
});

describe("the organizer's after-event report", { timeout: 120_000 }, () => {
  let organizer: Page;
  beforeAll(async () => {
    // Two people are shown suggestions; for both the hospital is another industry and a complementary goal (job ↔ hiring).
    await callStation(station.url, 'suggestPartners', { attendeeId: ids[CONSENTING.seeker] });
    await callStation(station.url, 'suggestPartners', { attendeeId: ids['金融 二郎'] });
    organizer = await browser.newPage({ locale: 'ja-JP', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await organizer.goto(`${station.url}#/organizer`);
  }, 60_000);

  it('shows how many got a cross-industry suggestion, and demand vs supply by sector over everyone who came', async () => {
    const report = organizer.getByTestId('partner-report');
    await expect.poll(() => report.locator('.tile').allInnerTexts(), patient).toEqual([
      'おすすめを表示した人\n2 名',
      'うち他業種の方を紹介された人\n2 名',
      'うち目的の合う他業種の方を紹介された人\n2 名',
      '紹介への表示に同意した人\n4 名',
    ]);
    // Everyone who checked in counts here, the one who left too (seeking healthcare and from it).
    const rows = await report.locator('tbody tr').allInnerTexts();
    expect(rows[0]?.split('\t')).toEqual(['医療・ヘルスケア', '5', '3']);
    expect(rows[1]?.split('\t')).toEqual(['IT・通信', '2', '1']);
  });

  it('puts the same figures in the XLSX export', async () => {
    await organizer.getByLabel('ファイル形式').selectOption('xlsx');
    const downloading = organizer.waitForEvent('download');
    await organizer.getByRole('button', { name: '書き出す' }).click();
    const file = path.join(dir, 'report.xlsx');
    await (await downloading).saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('交流相手の紹介');
    const values = (row: number) => (sheet?.getRow(row).values as unknown[]).slice(1, 4);
    expect(values(2)).toEqual(['おすすめを表示した人', 2, '']);
    expect(values(3)).toEqual(['うち他業種の方を紹介された人', 2, '']);
    expect(values(4)).toEqual(['うち目的の合う他業種の方を紹介された人', 2, '']);
    expect(values(5)).toEqual(['紹介への表示に同意した人', 4, '']);
    expect(values(7)).toEqual(['業種', '探している人', '来場者']);
    expect(values(8)).toEqual(['医療・ヘルスケア', 5, 3]);
    expect(values(9)).toEqual(['IT・通信', 2, 1]);
  });
});
