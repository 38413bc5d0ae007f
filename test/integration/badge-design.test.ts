import fs from 'node:fs';
import path from 'node:path';
import { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource } from '@zxing/library';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { renderBadge } from '../../electron/core/badges/badge-pdf';
import { readSettings } from '../../electron/core/settings/queries';
import { startHub, type RunningHub } from '../../server/hub';
import { DEFAULT_BADGE_DESIGN, MAX_LOGO_BYTES } from '../../shared/domain/badge-design';
import { MusubiError } from '../../shared/errors';
import { formatPairingCode } from '../../shared/sync/pairing';
import { asAttendee } from '../fixtures/badges/people';
import { freshHubStore } from '../helpers/hub-store';
import { drawLogoPng, jpegOf, readPng, renderPng } from '../helpers/images';
import { pdfText } from '../helpers/pdf-tools';
import { openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

const open: TestStation[] = [];
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  for (const h of hubs.splice(0)) await h.close();
});

function station(name = 'Door A'): TestStation {
  const s = openTestStation({ station: name });
  open.push(s);
  return s;
}

const PERSON = {
  ticketCode: 'T-7001',
  name: '山田 太郎',
  nameKana: 'やまだ たろう',
  company: '株式会社むすび',
  title: '営業部長',
  industry: 'it',
  goals: ['ideas'],
  lookingFor: ['finance', 'healthcare'],
  vcardOptIn: true,
  email: 'taro@example.jp',
};

/** Reads the QR code in a PNG with zxing, from the pixels' luminance. */
function decodeQr(file: string): string {
  const { width, height, data } = readPng(file);
  const luminance = new Uint8ClampedArray(width * height);
  for (let i = 0; i < width * height; i++) luminance[i] = (data[i * 4]! * 299 + data[i * 4 + 1]! * 587 + data[i * 4 + 2]! * 114) / 1000;
  const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
  return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.TRY_HARDER, true]])).getText();
}

async function previewFile(s: TestStation, attendeeId: string, size: 'card' | '62mm' | 'a6' | '4x3'): Promise<string> {
  const { pdfBase64 } = await s.service.api.badgePreview({ attendeeId, size });
  const file = path.join(tempDir(), `${size}.pdf`);
  fs.writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return file;
}

/** Noise compresses to nothing, so a noise PNG is about as large as its pixels. */
function noisePng(side: number, seed: number): Buffer {
  const data = Buffer.alloc(side * side * 4);
  let x = seed * 2654435761;
  for (let i = 0; i < data.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = i % 4 === 3 ? 255 : x >>> 24;
  }
  return PNG.sync.write({ width: side, height: side, data }, { colorType: 2, inputHasAlpha: true });
}

async function refusal(call: () => unknown): Promise<MusubiError> {
  let error: unknown;
  try {
    await call();
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(MusubiError);
  return error as MusubiError;
}

describe('badge design: what the organizer chose is what prints', { timeout: 60_000 }, () => {
  it('prints the event name, the logo and a vCard QR, and only the chosen fields', async () => {
    const s = station();
    const attendee = await s.service.api.addAttendee(PERSON);
    await s.service.api.setBadgeLogo({ dataBase64: drawLogoPng(320, 120).toString('base64') });
    await s.service.api.updateEvent({
      eventName: '異業種交流会 2026 秋',
      badgeDesign: { ...DEFAULT_BADGE_DESIGN, showEventName: true, sizes: { ...DEFAULT_BADGE_DESIGN.sizes, card: { company: true, title: false, lookingFor: false, nickname: true, qr: 'vcard' } } },
    });

    const file = await previewFile(s, attendee.id, 'card');
    const text = pdfText(file);
    expect(text).toContain('異業種交流会 2026 秋');
    expect(text).toContain('山田 太郎');
    expect(text).toContain('株式会社むすび');
    expect(text).not.toContain('営業部長');
    expect(text).not.toContain('会いたい');
    expect(text).not.toContain('金融・保険');

    const png = renderPng(file, 150);
    const pixels = readPng(png);
    expect(Math.abs(pixels.width - (91 / 25.4) * 150)).toBeLessThan(1.5);
    const card = decodeQr(png);
    expect(card).toMatch(/^BEGIN:VCARD\r\n/);
    expect(card).toContain('FN;CHARSET=UTF-8:山田 太郎');

    // The logo's red disc is on the badge, in the band's top-right tile.
    const { data, width } = pixels;
    let red = 0;
    for (let y = 0; y < Math.round((10 / 25.4) * 150); y++) {
      for (let x = Math.round(width * 0.7); x < width; x++) {
        const i = (y * width + x) * 4;
        if (data[i]! > 180 && data[i + 1]! < 90 && data[i + 2]! < 90) red++;
      }
    }
    expect(red).toBeGreaterThan(200);

    // The same attendee on a size whose design keeps everything: title and sectors are back.
    const a6 = pdfText(await previewFile(s, attendee.id, 'a6'));
    expect(a6).toContain('営業部長');
    expect(a6).toContain('金融・保険');
  });

  it('prints the nickname (connpass 表示名) beside the reading only when the design asks for it, on single badges and on a batch', async () => {
    const s = station();
    const { api } = s.service;
    const csv = fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/import/connpass-sjis.csv'));
    await api.commitImport({ fileName: 'connpass-sjis.csv', contentBase64: csv.toString('base64') });
    const taro = await api.findByTicketCode({ ticketCode: 'CN-0001' });
    expect(taro).toMatchObject({ name: '山田 太郎', nickname: 'たろう@エンジニア' });
    const batch = async (): Promise<string> => {
      const file = path.join(tempDir(), 'batch.pdf');
      fs.writeFileSync(file, Buffer.from((await api.allBadgesPdf({ size: 'a4-sheet' })).pdfBase64, 'base64'));
      return pdfText(file);
    };

    // As before the choice existed: on.
    expect(pdfText(await previewFile(s, taro!.id, 'card'))).toContain('たろう@エンジニア');
    expect(await batch()).toContain('たろう@エンジニア');

    const off = { ...DEFAULT_BADGE_DESIGN.sizes.card, nickname: false };
    await api.updateEvent({ badgeDesign: { ...DEFAULT_BADGE_DESIGN, sizes: { ...DEFAULT_BADGE_DESIGN.sizes, card: off, 'a4-sheet': off } } });
    const single = pdfText(await previewFile(s, taro!.id, 'card'));
    expect(single).not.toContain('たろう');
    expect(single).toContain('山田 太郎');
    expect(single).toContain('株式会社ネットワークス');
    const sheet = await batch();
    expect(sheet).not.toContain('たろう@エンジニア');
    expect(sheet).not.toContain('ゆい');
    expect(sheet).toContain('山田 太郎');
    expect(sheet).toContain('髙橋 結衣');
    // Only the sizes where it was turned off: the A6 badge still prints it.
    expect(pdfText(await previewFile(s, taro!.id, 'a6'))).toContain('たろう@エンジニア');

    // A design saved before the choice existed (as a station not yet updated syncs it) prints it.
    const { nickname: _dropped, ...before } = DEFAULT_BADGE_DESIGN.sizes.card;
    s.db.prepare(`UPDATE settings_fields SET value = ? WHERE field = 'badgeDesign'`).run(JSON.stringify({ ...DEFAULT_BADGE_DESIGN, sizes: { ...DEFAULT_BADGE_DESIGN.sizes, card: before } }));
    expect(JSON.parse((s.db.prepare(`SELECT value FROM settings_fields WHERE field = 'badgeDesign'`).get() as { value: string }).value).sizes.card).not.toHaveProperty('nickname');
    expect(pdfText(await previewFile(s, taro!.id, 'card'))).toContain('たろう@エンジニア');
  });

  it('prints the ticket QR for someone who did not opt in to the vCard, when the design asks for the ticket', async () => {
    const s = station();
    const attendee = await s.service.api.addAttendee({ ...PERSON, vcardOptIn: false });
    await s.service.api.updateEvent({ badgeDesign: { ...DEFAULT_BADGE_DESIGN, sizes: { ...DEFAULT_BADGE_DESIGN.sizes, '62mm': { ...DEFAULT_BADGE_DESIGN.sizes['62mm'], qr: 'ticket' } } } });
    expect(decodeQr(renderPng(await previewFile(s, attendee.id, '62mm')))).toBe('T-7001');
    // The card keeps the default (vCard for those who opted in): no QR for this person at all.
    const card = renderPng(await previewFile(s, attendee.id, 'card'));
    expect(() => decodeQr(card)).toThrow();
  });

  it('takes a JPEG logo as well', async () => {
    const s = station();
    const attendee = await s.service.api.addAttendee(PERSON);
    const jpeg = jpegOf((await renderBadge(asAttendee(PERSON), readSettings(s.db), 'card')).pdf);
    const settings = await s.service.api.setBadgeLogo({ dataBase64: jpeg.toString('base64') });
    // pdftoppm's page at 40 dpi: 91 × 55 mm is about 144 × 87 pixels.
    expect(settings.badgeLogo?.mime).toBe('image/jpeg');
    expect(Math.abs(settings.badgeLogo!.width - (91 / 25.4) * 40)).toBeLessThan(1.5);
    expect(Math.abs(settings.badgeLogo!.height - (55 / 25.4) * 40)).toBeLessThan(1.5);
    expect(readPng(renderPng(await previewFile(s, attendee.id, 'card'))).width).toBeGreaterThan(0);
  });

  it('keeps the logo bytes out of the settings screens read', async () => {
    const s = station();
    await s.service.api.setBadgeLogo({ dataBase64: drawLogoPng(100, 50).toString('base64') });
    const event = await s.service.api.getEvent();
    expect(event.badgeLogo).toMatchObject({ mime: 'image/png', width: 100, height: 50 });
    expect(JSON.stringify(event).length).toBeLessThan(8000);
    expect(readSettings(s.db).badgeLogoImage.length).toBeGreaterThan(100);
    const cleared = await s.service.api.clearBadgeLogo();
    expect(cleared.badgeLogo).toBeNull();
    expect(readSettings(s.db).badgeLogoImage).toBe('');
  });

  it('refuses a bad logo with a reason and a clear message, and changes nothing', async () => {
    const s = station();
    const good = drawLogoPng(200, 80);
    await s.service.api.setBadgeLogo({ dataBase64: good.toString('base64') });
    const before = { settings: readSettings(s.db), entries: (s.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n };

    const corrupt = Buffer.from(good);
    corrupt[good.length - 30] = corrupt[good.length - 30]! ^ 0xff; // inside the image data: its checksum no longer matches
    const cases: { bytes: Buffer; reason: string; message: RegExp }[] = [
      { bytes: corrupt, reason: 'logo-damaged', message: /PNG logo is damaged/ },
      { bytes: good.subarray(0, good.length - 40), reason: 'logo-damaged', message: /damaged/ },
      { bytes: noisePng(300, 1), reason: 'logo-too-large', message: new RegExp(`limit is ${MAX_LOGO_BYTES / 1024} KB`) },
      {
        bytes: Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'),
        reason: 'logo-format',
        message: /SVG logos cannot be printed.*PNG/,
      },
      { bytes: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), reason: 'logo-format', message: /PNG or JPEG.*GIF/ },
      { bytes: drawLogoPng(5000, 8), reason: 'logo-dimensions', message: /5000×8 pixels/ },
      { bytes: jpegOf((await renderBadge(asAttendee(PERSON), readSettings(s.db), 'card')).pdf).subarray(0, 600), reason: 'logo-damaged', message: /JPEG logo is damaged/ },
    ];
    for (const { bytes, reason, message } of cases) {
      const error = await refusal(() => s.service.api.setBadgeLogo({ dataBase64: bytes.toString('base64') }));
      expect(error.code).toBe('invalid-input');
      expect(error.reason, message.source).toBe(reason);
      expect(error.message).toMatch(message);
      expect(error.where).toBe('logo');
    }
    expect(readSettings(s.db)).toEqual(before.settings);
    expect((s.db.prepare('SELECT count(*) AS n FROM entries').get() as { n: number }).n).toBe(before.entries);
  });

  it('syncs the logo to every station, even when many logo changes wait to be pushed at once', async () => {
    const hub = await startHub({ ...(await freshHubStore('sqlite', path.join(tempDir(), 'hub'))), keys: ['badge-design-key-0123456789'], port: 0 });
    hubs.push(hub);
    const a = station('Door A');
    const b = station('Door B');
    // 45 logos of ~190 KB each: ~11 MB of entries, more than the hub reads in one push.
    let last = '';
    for (let i = 0; i < 45; i++) last = (await a.service.api.setBadgeLogo({ dataBase64: noisePng(250, i).toString('base64') })).badgeLogo!.sha256;
    for (const s of [a, b]) await s.service.api.pairStation({ code: formatPairingCode({ hubUrl: hub.url, key: 'badge-design-key-0123456789' }) });
    expect((await a.service.sync.syncOnce()).pushed).toBe(45);
    await b.service.sync.syncOnce();
    const atB = readSettings(b.db);
    expect(atB.badgeLogo?.sha256).toBe(last);
    expect(Buffer.from(atB.badgeLogoImage, 'base64').equals(Buffer.from(readSettings(a.db).badgeLogoImage, 'base64'))).toBe(true);
  });
});
