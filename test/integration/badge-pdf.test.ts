import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_SETTINGS } from '../../shared/domain/defaults';
import { asAttendee, BADGE_PEOPLE } from '../fixtures/badges/people';
import { hexColour, pdfFonts, pdfInfo, pdfText, pdfTextIn, renderPage } from '../helpers/pdf-tools';
import { runMusubi } from '../helpers/processes';
import { openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';
import { renderBadges } from '../../electron/core/badges/badge-pdf';
import { SHEET } from '../../electron/core/badges/sizes';
import jsQR from 'jsqr';

let station: TestStation;
// One database and output folder for the whole file (tempDir() folders go after each test).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-badges-'));

beforeAll(async () => {
  station = openTestStation({ file: path.join(dir, 'event.db') });
  for (const fields of Object.values(BADGE_PEOPLE)) await station.service.api.addAttendee(fields);
  station.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const out = (name: string): string => path.join(dir, name);
const db = (): string[] => ['--db', station.file];

// Each case starts real `musubi` processes; on a busy machine a few of them take a while.
describe('musubi badge / badges / legend (PDFs read back with poppler)', { timeout: 120_000 }, () => {
  it('writes a badge whose text reads back: name, furigana, company, industry and goals', async () => {
    const result = await runMusubi(['badge', 'B-0001', ...db(), '--out', out('one.pdf')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const text = pdfText(out('one.pdf'));
    for (const expected of ['山田 太郎', 'やまだ たろう', '株式会社むすび 営業部長', '製造', 'Manufacturing', 'アイデア創出', '人脈拡大', 'IT・通信', '金融・保険']) {
      expect(text).toContain(expected);
    }
  });

  it('embeds only subsets of the bundled font, and stays small', async () => {
    await runMusubi(['badge', 'B-0001', ...db(), '--out', out('fonts.pdf')]);
    const fonts = pdfFonts(out('fonts.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatchObject({ embedded: true, subset: true });
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansJP/);
    }
    expect(fs.statSync(out('fonts.pdf')).size).toBeLessThan(30 * 1024);
  });

  it('prints at the exact card size with the industry band in its colour', async () => {
    await runMusubi(['badge', 'B-0001', ...db(), '--out', out('card.pdf'), '--size', 'card']);
    const info = pdfInfo(out('card.pdf'));
    expect(info.widthPt).toBeCloseTo((91 * 72) / 25.4, 0);
    expect(info.heightPt).toBeCloseTo((55 * 72) / 25.4, 0);
    const page = renderPage(out('card.pdf'), 100);
    const band = page.pixel(page.width - 10, 8); // top-right corner of the band, clear of any text
    const expected = hexColour(DEFAULT_EVENT_SETTINGS.industries.find((i) => i.id === 'manufacturing')!.color);
    band.forEach((channel, i) => expect(Math.abs(channel - expected[i]!)).toBeLessThanOrEqual(3));
  });

  it('warns about a character the font lacks, naming it, and still writes the badge', async () => {
    const result = await runMusubi(['badge', 'B-0005', ...db(), '--out', out('glyph.pdf')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('cannot print 🦄 in the name');
    expect(pdfText(out('glyph.pdf'))).toContain('佐藤 〓 花子');
  });

  it('lays out A4 sheets sorted by reading (あいうえお), then Latin names', async () => {
    const result = await runMusubi(['badges', ...db(), '--out', out('sheet.pdf')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('5 badges on 1 pages');
    const info = pdfInfo(out('sheet.pdf'));
    expect([Math.round(info.widthPt), Math.round(info.heightPt)]).toEqual([595, 842]);
    // Slots run left to right, top to bottom: read each badge's rectangle on its own.
    const { page, badge, columns } = SHEET;
    const left = (page.width - columns * badge.width) / 2;
    const top = (page.height - SHEET.rows * badge.height) / 2;
    const slot = (i: number): string =>
      pdfTextIn(out('sheet.pdf'), { x: left + (i % columns) * badge.width, y: top + Math.floor(i / columns) * badge.height, w: badge.width, h: badge.height });
    const expected = ['さとう', 'てしがわら', 'やまだ', 'Maximilian', '髙橋'];
    expected.forEach((name, i) => expect(slot(i)).toContain(name));
  });

  it('writes one page per badge for the other sizes', async () => {
    for (const [size, mm] of [['4x3', [101.6, 76.2]], ['a6', [148, 105]], ['62mm', [100, 62]]] as const) {
      await runMusubi(['badges', ...db(), '--out', out(`${size}.pdf`), '--size', size]);
      const info = pdfInfo(out(`${size}.pdf`));
      expect(info.pages).toBe(5);
      expect(info.widthPt).toBeCloseTo((mm[0] * 72) / 25.4, 0);
      expect(info.heightPt).toBeCloseTo((mm[1] * 72) / 25.4, 0);
    }
  });

  it('writes the legend poster in both languages, on A4 or A3', async () => {
    for (const paper of ['a4', 'a3']) {
      await runMusubi(['legend', ...db(), '--out', out(`legend-${paper}.pdf`), '--paper', paper]);
      const text = pdfText(out(`legend-${paper}.pdf`));
      for (const industry of DEFAULT_EVENT_SETTINGS.industries) {
        expect(text).toContain(industry.ja);
        expect(text).toContain(industry.en);
      }
      for (const goal of DEFAULT_EVENT_SETTINGS.goals) {
        expect(text).toContain(goal.ja);
        expect(text).toContain(goal.en);
      }
    }
    expect(Math.round(pdfInfo(out('legend-a3.pdf')).widthPt)).toBe(842);
  });

  it("names characters of the organizer's labels that the poster cannot print", async () => {
    const own = openTestStation();
    await own.service.api.updateEvent({ industries: [...DEFAULT_EVENT_SETTINGS.industries, { id: 'games', ja: 'ゲーム 🎮', en: 'Games', color: '#123456' }] });
    own.close();
    const result = await runMusubi(['legend', '--db', own.file, '--out', out('legend-glyph.pdf')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('the font cannot print 🎮');
    expect(pdfText(out('legend-glyph.pdf'))).toContain('ゲーム 〓');
  });

  it('says clearly when the ticket code is unknown, and writes nothing', async () => {
    const result = await runMusubi(['badge', 'NOPE-1', ...db(), '--out', out('none.pdf')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No attendee has the ticket code NOPE-1');
    expect(fs.existsSync(out('none.pdf'))).toBe(false);
  });
});

describe('badge sheets in memory', () => {
  it("paints the band in the organizer's own colour for the industry", async () => {
    const settings = {
      ...DEFAULT_EVENT_SETTINGS,
      industries: DEFAULT_EVENT_SETTINGS.industries.map((i) => (i.id === 'manufacturing' ? { ...i, color: '#7B2D8E' } : i)),
    };
    const file = path.join(tempDir(), 'custom.pdf');
    fs.writeFileSync(file, (await renderBadges([asAttendee(BADGE_PEOPLE.ordinary)], settings, 'card')).pdf);
    const page = renderPage(file, 100);
    const band = page.pixel(page.width - 10, 8);
    hexColour('#7B2D8E').forEach((channel, i) => expect(Math.abs(channel - band[i]!)).toBeLessThanOrEqual(3));
    // Colour is never the only cue: the label is on the band too.
    expect(pdfText(file)).toContain('製造');
  });

  it('puts ten badges on each A4 page', async () => {
    const people = Array.from({ length: 23 }, (_, i) => asAttendee({ ...BADGE_PEOPLE.ordinary, ticketCode: `S-${i}` }, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`));
    const { pdf, pages } = await renderBadges(people, DEFAULT_EVENT_SETTINGS, 'a4-sheet');
    expect(pages).toBe(3);
    const file = path.join(tempDir(), 'sheets.pdf');
    fs.writeFileSync(file, pdf);
    expect(pdfInfo(file).pages).toBe(3);
  });
});

describe('QR codes on the badge (rendered, then decoded like a phone camera would)', () => {
  function decodeQr(file: string): string | null {
    const page = renderPage(file, 300);
    const rgba = new Uint8ClampedArray(page.width * page.height * 4);
    for (let i = 0; i < page.width * page.height; i++) {
      rgba.set([page.data[i * 3]!, page.data[i * 3 + 1]!, page.data[i * 3 + 2]!, 255], i * 4);
    }
    const code = jsQR(rgba, page.width, page.height);
    return code ? new TextDecoder('utf-8').decode(Uint8Array.from(code.binaryData)) : null;
  }

  it('carries an opted-in vCard in UTF-8, kanji intact', async () => {
    const file = path.join(tempDir(), 'vcard.pdf');
    const { pdf } = await renderBadges([asAttendee(BADGE_PEOPLE.longJapanese)], DEFAULT_EVENT_SETTINGS, 'card');
    fs.writeFileSync(file, pdf);
    const text = decodeQr(file);
    expect(text).toContain('FN;CHARSET=UTF-8:勅使河原 小百合子右衛門之助');
    expect(text).toContain('EMAIL;TYPE=INTERNET:sayuri@example.jp');
  });

  it('carries the ticket code when the station asks for it, and no QR otherwise', async () => {
    const file = path.join(tempDir(), 'ticket.pdf');
    fs.writeFileSync(file, (await renderBadges([asAttendee(BADGE_PEOPLE.ordinary)], DEFAULT_EVENT_SETTINGS, 'card', { ticketQr: true })).pdf);
    expect(decodeQr(file)).toBe('B-0001');
    fs.writeFileSync(file, (await renderBadges([asAttendee(BADGE_PEOPLE.ordinary)], DEFAULT_EVENT_SETTINGS, 'card')).pdf);
    expect(decodeQr(file)).toBeNull();
  });
});
