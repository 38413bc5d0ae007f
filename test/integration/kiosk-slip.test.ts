import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { renderPartnerSlip } from '../../electron/core/kiosk/partner-slip';
import { systemPrinter, type Printer } from '../../electron/core/printing';
import { dispatch } from '../../electron/core/service/dispatch';
import { createService } from '../../electron/core/service/service';
import type { KioskCheckInOutcome, KioskLookup } from '../../shared/api/methods/kiosk';
import type { Caller } from '../../shared/api/roles';
import { DEFAULT_EVENT_SETTINGS } from '../../shared/domain/defaults';
import { requireTestQueues, TEST_QUEUE } from '../helpers/cups';
import { meanDifference, pdfInfo, pdfText, renderPage } from '../helpers/pdf-tools';
import { tempDir } from '../helpers/temp';

/**
 * The kiosk's partner slip: rendered with pdfkit, printed after the badge on the station's real
 * CUPS queue (cups-pdf), read back with poppler; a slip that fails leaves the check-in standing.
 */
const kiosk: Caller = { role: 'kiosk', station: 'kiosk-slip' };
const OUT_DIR = process.env.MUSUBI_CUPS_PDF_DIR ?? path.join('/var/spool/cups-pdf', os.userInfo().username);
const ARTIFACTS = path.resolve('test-results/kiosk');

type Service = ReturnType<typeof createService>;
let open: { service: Service; close: () => void } | undefined;
afterEach(() => open?.close());

function station(printer?: Printer): Service {
  const db = openDatabase(path.join(tempDir('musubi-slip-'), 'event.db'));
  const service = createService({ db, stationName: 'Kiosk door', printer });
  open = { service, close: () => db.close() };
  return service;
}

async function call<T>(service: Service, name: string, input: unknown): Promise<T> {
  const result = await dispatch(service.api, name, input, kiosk);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** Two consenting people in the room and one arriving at the kiosk; automatic print and the slip on. */
async function prepare(service: Service): Promise<string> {
  const { api } = service;
  for (const [i, name] of ['医療 花子', 'Grace Hopper'].entries()) {
    const person = await api.addAttendee({ name, company: i ? 'Navy' : '結び病院', email: `p${i}@example.jp`, industry: i ? 'it' : 'healthcare', goals: ['job', 'network'], partnerConsent: true });
    await api.checkIn({ attendeeId: person.id, source: 'search' });
  }
  await api.addAttendee({ name: '採用 担当', ticketCode: 'SLIP-1', email: 'hr@example.jp', industry: 'finance', goals: ['hiring'], lookingFor: ['healthcare'] });
  await api.updateKioskSettings({ partnerSlip: true });
  const found = await call<KioskLookup>(service, 'kioskFindByCode', { code: 'SLIP-1' });
  if (found.status !== 'found') throw new Error('not found');
  return found.lookupId;
}

/** Waits for cups-pdf to write the job's PDF (it names files "<title>-job_<n>.pdf"). */
async function slipFileAfter(newestBefore: number): Promise<string> {
  // The shared CUPS queue can be busy with other jobs: wait long rather than fail.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const name = fs.existsSync(OUT_DIR)
      ? fs.readdirSync(OUT_DIR).find((f) => /partner_slip.*-job_(\d+)\.pdf$/.test(f) && Number(/job_(\d+)/.exec(f)?.[1]) > newestBefore)
      : undefined;
    if (name) {
      try {
        pdfInfo(path.join(OUT_DIR, name));
        return path.join(OUT_DIR, name);
      } catch {
        /* still being written */
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`cups-pdf wrote no partner slip in ${OUT_DIR}`);
}

function newestJob(): number {
  const out = execFileSync('lpstat', ['-W', 'all', '-o', TEST_QUEUE], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return Math.max(0, ...out.split('\n').map((line) => Number(new RegExp(`^${TEST_QUEUE}-(\\d+) `).exec(line)?.[1] ?? 0)));
}

describe('the partner slip', { timeout: 240_000 }, () => {
  beforeEach(requireTestQueues);

  it('prints after the badge on the real queue, with the suggested people and no contact data', async () => {
    const service = station(systemPrinter());
    const lookupId = await prepare(service);
    await service.api.updatePrintSettings({ printer: TEST_QUEUE, autoPrint: true });
    const before = newestJob();
    const outcome = await call<KioskCheckInOutcome>(service, 'kioskCheckIn', { lookupId, language: 'ja' });
    expect(outcome).toMatchObject({ status: 'checked-in', slip: true, print: { state: 'started' } });
    const file = await slipFileAfter(before);
    // Ghostscript re-encodes the text, so the printed page is compared with the slip as sent and
    // with a slip for other people: it must look like the one for these suggestions.
    const sent = path.join(tempDir('musubi-slip-sent-'), 'sent.pdf');
    fs.writeFileSync(sent, await renderPartnerSlip(outcome.suggestions, DEFAULT_EVENT_SETTINGS, 'card', 'ja'));
    const other = path.join(path.dirname(sent), 'other.pdf');
    const others = [
      { name: '別の 人', company: '別会社', industry: 'energy', goals: ['ideas'], reasons: [] },
      { name: 'Someone Else', company: 'Elsewhere', industry: 'media', goals: ['hiring'], reasons: [] },
    ];
    fs.writeFileSync(other, await renderPartnerSlip(others, DEFAULT_EVENT_SETTINGS, 'card', 'ja'));
    const printed = renderPage(file, 50);
    const fromSent = meanDifference(printed, renderPage(sent, 50));
    const fromOther = meanDifference(printed, renderPage(other, 50));
    expect(fromSent, `difference from the sent slip ${fromSent.toFixed(1)}, from another ${fromOther.toFixed(1)}`).toBeLessThan(fromOther / 2);
    // What was sent holds the suggested people and nothing of the person or anyone's e-mail.
    const text = pdfText(sent).replace(/\s+/g, ' ');
    expect(text).toContain('会ってみませんか');
    for (const partner of outcome.suggestions) expect(text).toContain(partner.name);
    expect(text).not.toMatch(/example\.jp|採用 担当/);
    // The badge's own page size, so it goes through the badge printer's media as it is.
    expect(pdfInfo(file)).toMatchObject({ pages: 1 });
    expect(Math.abs(pdfInfo(file).widthPt - (91 * 72) / 25.4)).toBeLessThan(2);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '200', '-singlefile', file, path.join(ARTIFACTS, 'partner-slip-printed')]);
  });

  it('a slip that fails leaves the check-in and the badge standing', async () => {
    const titles: string[] = [];
    const printer: Printer = {
      listPrinters: () => Promise.resolve([{ name: 'Label', isDefault: true, state: 'idle' }]),
      print: (_file, job) => {
        titles.push(job.title ?? '');
        return job.title === 'Musubi partner slip' ? Promise.reject(new Error('out of labels')) : Promise.resolve({ jobId: `Label-${titles.length}` });
      },
    };
    const service = station(printer);
    const lookupId = await prepare(service);
    await service.api.updatePrintSettings({ printer: 'Label', autoPrint: true });
    const outcome = await call<KioskCheckInOutcome>(service, 'kioskCheckIn', { lookupId });
    expect(outcome.slip).toBe(true);
    if (outcome.print.state !== 'started') throw new Error('no print');
    expect(await call(service, 'autoPrintResult', { printId: outcome.print.printId })).toMatchObject({ state: 'printed' });
    await expect.poll(() => titles).toEqual(['Musubi badge', 'Musubi partner slip']);
    const attendee = await service.api.findByTicketCode({ ticketCode: 'SLIP-1' });
    expect(attendee).toMatchObject({ checkedIn: { source: 'kiosk' }, badgePrints: 1 });
  });

  it('is not printed when the setting is off, or when there is nobody to suggest', async () => {
    const titles: string[] = [];
    const printer: Printer = {
      listPrinters: () => Promise.resolve([]),
      print: (_file, job) => (titles.push(job.title ?? ''), Promise.resolve({ jobId: `Label-${titles.length}` })),
    };
    const service = station(printer);
    const lookupId = await prepare(service);
    await service.api.updatePrintSettings({ printer: 'Label', autoPrint: true });
    await service.api.updateKioskSettings({ partnerSlip: false });
    const off = await call<KioskCheckInOutcome>(service, 'kioskCheckIn', { lookupId });
    expect(off.slip).toBe(false);
    expect(off.suggestions.length).toBeGreaterThan(0);
    // On, but nobody consenting in the room: no slip either.
    await service.api.updateKioskSettings({ partnerSlip: true });
    for (const name of ['医療 花子', 'Grace Hopper']) {
      const person = (await service.api.searchAttendees({ query: name, limit: 5 })).items.find((p) => p.name === name);
      await service.api.setPartnerConsent({ attendeeId: person?.id ?? '', consent: false });
    }
    await service.api.addAttendee({ name: 'Alone', ticketCode: 'NONE-1' });
    const alone = await call<KioskLookup>(service, 'kioskFindByCode', { code: 'NONE-1' });
    if (alone.status !== 'found') throw new Error('not found');
    expect(await call<KioskCheckInOutcome>(service, 'kioskCheckIn', { lookupId: alone.lookupId })).toMatchObject({ slip: false, suggestions: [] });
    // Both badges printed; no slip was sent.
    await expect.poll(() => titles.length).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(titles.filter((t) => t === 'Musubi partner slip')).toEqual([]);
  });

  it('renders every badge size on one page, in the kiosk\'s language', async () => {
    const partners = [
      { name: '寿限無寿限無五劫の擦り切れ海砂利水魚の水行末', company: '株式会社とても長い会社名のホールディングス', industry: 'healthcare', goals: ['job', 'network', 'ideas'], reasons: [] },
      { name: 'Grace Hopper', company: 'Navy', industry: 'it', goals: ['partners'], reasons: [] },
      { name: '田中 一', company: '', industry: 'unknown-sector', goals: [], reasons: [] },
    ];
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const size of ['card', '62mm', 'a6', '4x3', 'a4-sheet'] as const) {
      for (const language of ['ja', 'en'] as const) {
        const file = path.join(ARTIFACTS, `partner-slip-${size}-${language}.pdf`);
        fs.writeFileSync(file, await renderPartnerSlip(partners, DEFAULT_EVENT_SETTINGS, size, language));
        expect(pdfInfo(file).pages).toBe(1);
        const text = pdfText(file);
        expect(text).toContain(language === 'ja' ? '会ってみませんか' : 'People to look for');
        expect(text).toContain('Grace Hopper');
        execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', file, file.replace(/\.pdf$/, '')]);
      }
    }
  });
});
