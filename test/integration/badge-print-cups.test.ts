import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/service/dispatch';
import { DEFAULT_EVENT_SETTINGS } from '../../shared/domain/defaults';
import { BADGE_PEOPLE } from '../fixtures/badges/people';
import { printedFile, requireTestQueues, TEST_QUEUE } from '../helpers/cups';
import { hexColour, meanDifference, pdfInfo, renderPage } from '../helpers/pdf-tools';
import { callers, openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

/**
 * A real print: the badge goes over IPP to a CUPS queue backed by cups-pdf, exactly as the staff
 * desk sends it, and we read the PDF that comes out. .ci/setup.d/cups-pdf.sh makes the queue.
 */
const QUEUE = TEST_QUEUE;


let station: TestStation;
afterEach(() => station?.close());

// cups-pdf runs Ghostscript per job: on a busy machine a job can take a while.
describe('printing badges on a real CUPS queue (cups-pdf)', { timeout: 90_000 }, () => {
  beforeEach(requireTestQueues);

  it('lists the OS printers, including the test queue', async () => {
    station = openTestStation();
    const printers = await station.service.api.listPrinters();
    expect(printers.map((p) => p.name)).toContain(QUEUE);
  });

  it('prints the badge at its exact size after a check-in, and records badge.printed', async () => {
    station = openTestStation();
    const { api } = station.service;
    const attendee = await api.addAttendee(BADGE_PEOPLE.ordinary);
    await api.updatePrintSettings({ printer: QUEUE, badgeSize: 'card' });
    await api.checkIn({ attendeeId: attendee.id, source: 'search' });

    const outcome = await api.printBadge({ attendeeId: attendee.id, copies: 1 });
    expect(outcome).toMatchObject({ printer: QUEUE, copies: 1, attendee: { badgePrints: 1 } });
    expect(outcome.attendee.checkedIn).not.toBeNull();
    const entries = station.db.prepare("SELECT data FROM entries WHERE type = 'badge.printed' AND attendee_id = ?").all(attendee.id) as { data: string }[];
    expect(entries.map((e) => JSON.parse(e.data))).toEqual([{ printer: QUEUE, copies: 1 }]);

    // What came out of the printer: one card-size page that looks like the badge we sent.
    const printed = await printedFile(outcome.jobId);
    const info = pdfInfo(printed);
    expect(info.pages).toBe(1);
    expect(info.widthPt).toBeCloseTo((91 * 72) / 25.4, -0.5);
    expect(info.heightPt).toBeCloseTo((55 * 72) / 25.4, -0.5);
    const preview = async (id: string): Promise<string> => {
      const file = path.join(tempDir(), `${id}.pdf`);
      fs.writeFileSync(file, Buffer.from((await api.badgePreview({ attendeeId: id })).pdfBase64, 'base64'));
      return file;
    };
    const someoneElse = await api.addAttendee({ ...BADGE_PEOPLE.ordinary, ticketCode: 'B-9999', name: '鈴木 次郎', nameKana: 'すずき じろう', industry: 'it' });
    const page = renderPage(printed, 50);
    const fromSent = meanDifference(page, renderPage(await preview(attendee.id), 50));
    const fromOther = meanDifference(page, renderPage(await preview(someoneElse.id), 50));
    expect(fromSent, `difference from the sent badge ${fromSent.toFixed(1)}, from another ${fromOther.toFixed(1)}`).toBeLessThan(fromOther / 3);
    const band = page.pixel(page.width - 6, 5);
    const orange = hexColour(DEFAULT_EVENT_SETTINGS.industries.find((i) => i.id === 'manufacturing')!.color);
    band.forEach((channel, i) => expect(Math.abs(channel - orange[i]!)).toBeLessThanOrEqual(12));

    // A reprint counts too, so staff see "already printed 2 times".
    const again = await api.printBadge({ attendeeId: attendee.id, copies: 1 });
    expect(again.attendee.badgePrints).toBe(2);
  });

  it('reports why a print failed, keeps the check-in, and records nothing', async () => {
    station = openTestStation();
    const { api } = station.service;
    const attendee = await api.addAttendee(BADGE_PEOPLE.latin);
    await api.checkIn({ attendeeId: attendee.id, source: 'search' });
    await api.updatePrintSettings({ printer: 'NoSuchPrinter' });

    const result = await dispatch(station.service.api, 'printBadge', { attendeeId: attendee.id }, callers.organizer);
    expect(result).toMatchObject({ ok: false, error: { code: 'print-failed', reason: 'printer-missing', message: expect.stringMatching(/does not exist/i) } });
    const after = await api.getAttendee({ id: attendee.id });
    expect(after.checkedIn).not.toBeNull();
    expect(after.badgePrints).toBe(0);
    expect(station.db.prepare("SELECT count(*) AS n FROM entries WHERE type = 'badge.printed'").get()).toEqual({ n: 0 });
  });

  it("keeps the station's print settings to itself: nothing enters the synced log", async () => {
    station = openTestStation();
    const before = station.db.prepare('SELECT count(*) AS n FROM entries').get();
    const saved = await station.service.api.updatePrintSettings({ printer: QUEUE, autoPrint: true, badgeSize: 'a6', ticketQr: true });
    expect(saved).toEqual({ printer: QUEUE, autoPrint: true, badgeSize: 'a6', ticketQr: true, effectiveSize: 'a6' });
    expect(station.db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual(before);
    // Without its own size, the station prints the event's.
    await station.service.api.updateEvent({ badgeSize: '4x3' });
    expect(await station.service.api.updatePrintSettings({ badgeSize: '' })).toMatchObject({ badgeSize: '', effectiveSize: '4x3' });
  });

  it("says why when the printer is stopped (out of labels) instead of queueing the badge silently", async () => {
    station = openTestStation();
    const { api } = station.service;
    const attendee = await api.addAttendee(BADGE_PEOPLE.ordinary);
    await api.checkIn({ attendeeId: attendee.id, source: 'search' });
    await api.updatePrintSettings({ printer: `${QUEUE}Stopped` });
    const result = await dispatch(station.service.api, 'printBadge', { attendeeId: attendee.id }, callers.organizer);
    expect(result).toMatchObject({ ok: false, error: { code: 'print-failed', reason: 'printer-stopped', detail: 'Out of labels', message: 'The printer is stopped: Out of labels.' } });
    expect((await api.getAttendee({ id: attendee.id })).badgePrints).toBe(0);
    // No job is left waiting in the stopped queue, to print by surprise once the labels are refilled.
    expect(execFileSync('lpstat', ['-o', `${QUEUE}Stopped`], { encoding: 'utf8' }).trim()).toBe('');
  });

  it('asks for a printer when the station has none yet', async () => {
    station = openTestStation();
    const attendee = await station.service.api.addAttendee(BADGE_PEOPLE.ordinary);
    const result = await dispatch(station.service.api, 'printBadge', { attendeeId: attendee.id }, callers.organizer);
    expect(result).toMatchObject({ ok: false, error: { code: 'print-failed', reason: 'no-printer', message: expect.stringContaining('No printer is chosen') } });
  });

  it('prints after a check-in for every caller when the station prints on check-in, and only then', async () => {
    station = openTestStation();
    const { api } = station.service;
    const desk = await api.addAttendee({ ...BADGE_PEOPLE.ordinary, ticketCode: 'AP-1' });
    const kiosk = await api.addAttendee({ ...BADGE_PEOPLE.latin, ticketCode: 'AP-2' });
    const off = await api.checkIn({ attendeeId: desk.id, source: 'search' });
    expect(off.print).toEqual({ state: 'off' });
    await api.undoCheckIn({ attendeeId: desk.id });

    await api.updatePrintSettings({ printer: QUEUE, autoPrint: true });
    const byDesk = await api.checkIn({ attendeeId: desk.id, source: 'qr' });
    const walkIn = await api.registerWalkIn({ name: '当日 参加' });
    const lookup = await api.kioskFindByCode({ code: 'AP-2' });
    expect(lookup.status).toBe('found');
    const byKiosk = await api.kioskCheckIn({ lookupId: lookup.status === 'found' ? lookup.lookupId : '' });
    for (const outcome of [byDesk, walkIn, byKiosk]) {
      expect(outcome.print.state).toBe('started');
      const result = await api.autoPrintResult({ printId: outcome.print.state === 'started' ? outcome.print.printId : '' });
      expect(result).toMatchObject({ state: 'printed', outcome: { printer: QUEUE, jobId: expect.stringMatching(new RegExp(`^${QUEUE}-\\d+$`)) } });
    }
    expect((await api.getAttendee({ id: desk.id })).badgePrints).toBe(1);
    expect((await api.getAttendee({ id: kiosk.id })).badgePrints).toBe(1);
    // A second arrival does not print by itself.
    expect((await api.checkIn({ attendeeId: desk.id, source: 'qr' })).print).toEqual({ state: 'off' });
  });

  it('prints a test badge on the chosen printer without recording anything', async () => {
    station = openTestStation();
    await station.service.api.updatePrintSettings({ printer: QUEUE, badgeSize: '62mm' });
    const { jobId } = await station.service.api.printTestBadge();
    const info = pdfInfo(await printedFile(jobId));
    // The 62 mm roll is fed 62 mm across: CUPS turns the 100×62 mm badge onto 62×100 mm media.
    expect([Math.round(info.widthPt / (72 / 25.4)), Math.round(info.heightPt / (72 / 25.4))]).toEqual([62, 100]);
    expect(station.db.prepare("SELECT count(*) AS n FROM entries WHERE type = 'badge.printed'").get()).toEqual({ n: 0 });
  });
});
