import { describe, expect, it } from 'vitest';
import { fitText, breakOpportunities } from '../../electron/core/badges/fit-text';
import { layoutBadge, MISSING_GLYPH } from '../../electron/core/badges/layout';
import type { BadgeLayout, BadgeOp, Box } from '../../electron/core/badges/layout-types';
import { qrMatrix, vcardFor } from '../../electron/core/badges/qr';
import { BADGE_PAGES } from '../../electron/core/badges/sizes';
import { FONT_NAMES, textWidth } from '../../electron/core/pdf/japanese-font';
import { newPdf } from '../../electron/core/badges/pdf-document';
import { DEFAULT_EVENT_SETTINGS } from '../../shared/domain/defaults';
import { asAttendee, BADGE_PEOPLE } from '../fixtures/badges/people';

const EPSILON = 0.01;

function boxOf(op: BadgeOp): Box {
  return op.kind === 'line' ? { x: op.from[0], y: op.from[1], w: op.to[0] - op.from[0], h: op.to[1] - op.from[1] } : op.box;
}

/** Which part of the badge an element belongs to; parts must never overlap one another. */
function part(op: BadgeOp): string {
  if (op.kind === 'rect') return op.radius ? 'chips' : 'band';
  if (op.kind === 'mark') return 'goals';
  if (op.kind === 'qr') return 'qr';
  if (op.kind === 'text') return { industry: 'band', goal: 'goals', 'looking-for': 'chips', chip: 'chips' }[op.role as string] ?? op.role;
  return 'line';
}

const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w - EPSILON && b.x < a.x + a.w - EPSILON && a.y < b.y + b.h - EPSILON && b.y < a.y + a.h - EPSILON;

function expectWellFormed(layout: BadgeLayout, label: string): void {
  for (const op of layout.ops) {
    const box = boxOf(op);
    expect(box.x, `${label}: ${part(op)} left edge`).toBeGreaterThanOrEqual(-EPSILON);
    expect(box.y, `${label}: ${part(op)} top edge`).toBeGreaterThanOrEqual(-EPSILON);
    expect(box.x + box.w, `${label}: ${part(op)} right edge`).toBeLessThanOrEqual(layout.width + EPSILON);
    expect(box.y + box.h, `${label}: ${part(op)} bottom edge`).toBeLessThanOrEqual(layout.height + EPSILON);
    if (op.kind === 'text') {
      expect(op.lines.length, `${label}: ${op.role} lines`).toBeLessThanOrEqual(2);
      for (const line of op.lines) {
        expect(textWidth(line, op.size, op.weight), `${label}: ${op.role} "${line}" fits its box`).toBeLessThanOrEqual(op.box.w + EPSILON);
      }
    }
  }
  const parts = layout.ops.filter((op) => op.kind !== 'line');
  for (const [i, a] of parts.entries()) {
    for (const b of parts.slice(i + 1)) {
      if (part(a) !== part(b)) expect(overlap(boxOf(a), boxOf(b)), `${label}: ${part(a)} overlaps ${part(b)}`).toBe(false);
    }
  }
}

const texts = (layout: BadgeLayout, role: string) =>
  layout.ops.filter((op): op is Extract<BadgeOp, { kind: 'text' }> => op.kind === 'text' && op.role === role);

describe('badge layout', () => {
  for (const [size, page] of Object.entries(BADGE_PAGES)) {
    for (const [name, fields] of Object.entries(BADGE_PEOPLE)) {
      it(`keeps every element of "${name}" inside its own box on a ${size} badge`, () => {
        expectWellFormed(layoutBadge(asAttendee(fields), DEFAULT_EVENT_SETTINGS, page, { ticketQr: true }), `${name}/${size}`);
      });
    }
  }

  it('prints an ordinary name large on one line with its furigana above', () => {
    const layout = layoutBadge(asAttendee(BADGE_PEOPLE.ordinary), DEFAULT_EVENT_SETTINGS, BADGE_PAGES.card);
    const [name] = texts(layout, 'name');
    const [reading] = texts(layout, 'reading');
    expect(name!.lines).toEqual(['山田 太郎']);
    expect(reading!.lines).toEqual(['やまだ たろう']);
    expect(reading!.box.y + reading!.box.h).toBeLessThanOrEqual(name!.box.y + EPSILON);
    expect(name!.size).toBeGreaterThan(reading!.size * 2);
  });

  it('shrinks a long name, then wraps it at the space between family and given name', () => {
    const layout = layoutBadge(asAttendee(BADGE_PEOPLE.longJapanese), DEFAULT_EVENT_SETTINGS, BADGE_PAGES.card);
    const [name] = texts(layout, 'name');
    expect(name!.lines).toEqual(['勅使河原', '小百合子右衛門之助']);
  });

  it('cuts an impossibly long company with "…" and says so, instead of overflowing', () => {
    const layout = layoutBadge(asAttendee(BADGE_PEOPLE.longJapanese), DEFAULT_EVENT_SETTINGS, BADGE_PAGES.card);
    const [company] = texts(layout, 'company');
    expect(company!.lines).toHaveLength(2);
    expect(company!.lines[1]).toMatch(/…$/);
    expect(layout.warnings).toContainEqual({ kind: 'truncated', field: 'company' });
    // Sought sectors that do not fit are counted ("+N"), not silently dropped.
    expect(texts(layout, 'chip').at(-1)!.lines[0]).toMatch(/^\+\d$/);
  });

  it('prints a Latin name without a reading line, and gives the name that room', () => {
    const layout = layoutBadge(asAttendee(BADGE_PEOPLE.latin), DEFAULT_EVENT_SETTINGS, BADGE_PAGES.card);
    expect(texts(layout, 'reading')).toEqual([]);
    expect(texts(layout, 'name')[0]!.lines.join(' ')).toBe('Maximilian Alexander von Hohenzollern-Sigmaringen');
  });

  it('reports a character the font lacks and prints 〓 in its place', () => {
    const layout = layoutBadge(asAttendee(BADGE_PEOPLE.missingGlyph), DEFAULT_EVENT_SETTINGS, BADGE_PAGES.card);
    expect(layout.warnings).toContainEqual({ kind: 'missing-glyph', field: 'name', characters: ['🦄'] });
    expect(texts(layout, 'name')[0]!.lines.join('')).toContain(MISSING_GLYPH);
  });

  it('paints the band in the industry colour and labels it in both languages', () => {
    const layout = layoutBadge(asAttendee(BADGE_PEOPLE.ordinary), DEFAULT_EVENT_SETTINGS, BADGE_PAGES.card);
    expect(layout.ops[0]).toMatchObject({ kind: 'rect', fill: '#E69F00', box: { x: 0, y: 0, w: layout.width } });
    expect(texts(layout, 'industry').flatMap((t) => t.lines)).toEqual(['製造', 'Manufacturing']);
  });
});

describe('fitting text', () => {
  it('measures text exactly as pdfkit will set it (so "fits" on paper means fits)', () => {
    const doc = newPdf('measure');
    doc.addPage();
    for (const weight of ['regular', 'bold'] as const) {
      doc.font(FONT_NAMES[weight]).fontSize(20);
      for (const text of ['山田 太郎', 'AVATAR Wave office', '株式会社・ホールディングス', 'Zoë Müller']) {
        expect(textWidth(text, 20, weight)).toBeCloseTo(doc.widthOfString(text), 3);
      }
    }
  });

  it('never returns lines wider than the box, down to absurd lengths', () => {
    for (const text of ['株式会社'.repeat(60), 'W'.repeat(300), 'a b '.repeat(200)]) {
      const fitted = fitText({ text, width: 120, height: 30, maxSize: 20, minSize: 6, weight: 'bold' });
      expect(fitted.truncated).toBe(true);
      for (const line of fitted.lines) expect(textWidth(line, fitted.size, 'bold')).toBeLessThanOrEqual(120);
      expect(fitted.lines.length * fitted.size * 1.2).toBeLessThanOrEqual(30 + EPSILON);
    }
  });

  it('does not start a line with small kana or punctuation (kinsoku)', () => {
    const text = 'ソリューションズ・ホールディングス';
    for (const at of breakOpportunities(text)) expect('・ョュー').not.toContain(text[at]);
  });

  it('keeps Latin words whole', () => {
    const text = 'Very Long Partners';
    expect(breakOpportunities(text).map((at) => text.slice(0, at).trimEnd())).toEqual(['Very', 'Very Long']);
  });
});

describe('vCard QR', () => {
  it('declares UTF-8 and carries the kana reading for address books', () => {
    const card = vcardFor(asAttendee({ name: '山田 太郎', nameKana: 'やまだ たろう', company: '株式会社むすび', email: 'taro@example.jp' }));
    expect(card.split('\r\n')).toEqual(
      expect.arrayContaining([
        'BEGIN:VCARD',
        'VERSION:3.0',
        'N;CHARSET=UTF-8:山田;太郎;;;',
        'FN;CHARSET=UTF-8:山田 太郎',
        'X-PHONETIC-LAST-NAME;CHARSET=UTF-8:やまだ',
        'ORG;CHARSET=UTF-8:株式会社むすび',
        'EMAIL;TYPE=INTERNET:taro@example.jp',
        'END:VCARD',
      ]),
    );
  });

  it('escapes separators so a company with ";" stays one field', () => {
    expect(vcardFor(asAttendee({ name: 'Ann Lee', company: 'A;B, Inc.' }))).toContain('ORG;CHARSET=UTF-8:A\\;B\\, Inc.');
  });

  it('gives a square module matrix whose size follows the QR version rule (17 + 4v)', () => {
    const { size } = qrMatrix(vcardFor(asAttendee(BADGE_PEOPLE.longJapanese)));
    expect((size - 17) % 4).toBe(0);
  });
});
