import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutBadge, type BadgeOptions } from '../../electron/core/badges/layout';
import type { BadgeLayout, BadgeOp, Box } from '../../electron/core/badges/layout-types';
import type { LogoImage } from '../../electron/core/badges/logo';
import { BADGE_PAGES, MM, singleBadgePage } from '../../electron/core/badges/sizes';
import { textWidth } from '../../electron/core/pdf/japanese-font';
import { BADGE_QR_CHOICES, type BadgeFieldChoices } from '../../shared/domain/badge-design';
import { DEFAULT_EVENT_SETTINGS } from '../../shared/domain/defaults';
import { BADGE_SIZES, type EventSettings } from '../../shared/domain/settings';
import { asAttendee, BADGE_PEOPLE } from '../fixtures/badges/people';

const EPSILON = 0.01;
const overlap = (a: Box, b: Box): boolean =>
  a.x < b.x + b.w - EPSILON && b.x < a.x + a.w - EPSILON && a.y < b.y + b.h - EPSILON && b.y < a.y + a.h - EPSILON;
const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - EPSILON && inner.y >= outer.y - EPSILON && inner.x + inner.w <= outer.x + outer.w + EPSILON && inner.y + inner.h <= outer.y + outer.h + EPSILON;

/** The pixel sizes of a wide, a square and a tall logo (the bytes do not matter to the layout). */
const LOGOS: Record<string, LogoImage | null> = {
  none: null,
  wide: { data: Buffer.alloc(1), width: 1200, height: 200 },
  square: { data: Buffer.alloc(1), width: 300, height: 300 },
  tall: { data: Buffer.alloc(1), width: 100, height: 400 },
};

const EVENT_NAMES = ['異業種交流会 2026 秋', 'Tokyo Cross-Industry Networking Night at the Grand Hall, Autumn Edition 2026'];

/**
 * Every part of a badge must stay on the badge and clear of every other part. The band and the
 * chips are grounds: the band's text and logo sit on the band, a chip's word sits on its chip.
 */
function expectWellFormed(layout: BadgeLayout, label: string): void {
  const page = { x: 0, y: 0, w: layout.width, h: layout.height };
  const [band, ...rest] = layout.ops;
  expect(band, label).toMatchObject({ kind: 'rect', box: { x: 0, y: 0, w: layout.width } });
  const chips = rest.filter((op): op is Extract<BadgeOp, { kind: 'rect' }> => op.kind === 'rect');
  const figures = rest.filter((op) => op.kind !== 'rect' && op.kind !== 'line');
  for (const op of rest) {
    if (op.kind === 'line') continue;
    expect(inside(op.box, page), `${label}: ${op.kind} ${'role' in op ? op.role : ''} stays on the badge`).toBe(true);
  }
  for (const op of figures) {
    if (op.kind === 'text') {
      for (const line of op.lines) expect(textWidth(line, op.size, op.weight), `${label}: "${line}" fits its box`).toBeLessThanOrEqual(op.box.w + EPSILON);
    }
    if (op.kind === 'logo') expect(inside(op.image, op.box), `${label}: the logo stays in its tile`).toBe(true);
  }
  const name = (op: BadgeOp): string => `${op.kind}${'role' in op ? `:${op.role}` : ''}`;
  for (const [i, a] of figures.entries()) {
    for (const b of figures.slice(i + 1)) expect(overlap(a.box, b.box), `${label}: ${name(a)} overlaps ${name(b)}`).toBe(false);
  }
  for (const [i, chip] of chips.entries()) {
    for (const other of chips.slice(i + 1)) expect(overlap(chip.box, other.box), `${label}: two chips overlap`).toBe(false);
    for (const op of figures) {
      if (op.kind === 'text' && op.role === 'chip' && inside(op.box, chip.box)) continue;
      expect(overlap(chip.box, op.box), `${label}: a chip overlaps ${name(op)}`).toBe(false);
    }
  }
}

const FIELD_COMBINATIONS: BadgeFieldChoices[] = BADGE_QR_CHOICES.flatMap((qr) =>
  Array.from({ length: 16 }, (_, bits) => ({ company: (bits & 1) > 0, title: (bits & 2) > 0, lookingFor: (bits & 4) > 0, nickname: (bits & 8) > 0, qr })),
);

function settingsWith(showEventName: boolean, eventName: string): EventSettings {
  return { ...DEFAULT_EVENT_SETTINGS, eventName, badgeDesign: { ...DEFAULT_EVENT_SETTINGS.badgeDesign, showEventName } };
}

const texts = (layout: BadgeLayout, role: string) => layout.ops.filter((op): op is Extract<BadgeOp, { kind: 'text' }> => op.kind === 'text' && op.role === role);

describe('badge layout for every design choice', () => {
  const awkward = asAttendee({ ...BADGE_PEOPLE.longJapanese, vcardOptIn: true, ticketCode: 'B-0002', nickname: 'ながいニックネームのエンジニア@むすび' });
  const ordinary = asAttendee({ ...BADGE_PEOPLE.ordinary, vcardOptIn: false });

  for (const size of BADGE_SIZES) {
    it(`keeps every part inside a ${size} badge and clear of the others, for every combination of options`, () => {
      const page = singleBadgePage(size);
      for (const choices of FIELD_COMBINATIONS) {
        for (const [logoName, logo] of Object.entries(LOGOS)) {
          for (const showEventName of [false, true]) {
            for (const person of [awkward, ordinary]) {
              const options: BadgeOptions = { choices, logo, ticketQr: true };
              const label = `${size} ${JSON.stringify(choices)} logo=${logoName} event=${showEventName} ${person.name}`;
              expectWellFormed(layoutBadge(person, settingsWith(showEventName, EVENT_NAMES[0]!), page, options), label);
            }
          }
        }
      }
    });
  }

  it('holds for random people, names and choices too (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'山田太郎株式会社むすびホールディングス・ー　 ABCdefg-'), maxLength: 80 });
    const ids = (all: readonly { id: string }[]) => fc.uniqueArray(fc.constantFrom(...all.map((x) => x.id)), { maxLength: all.length });
    fc.assert(
      fc.property(
        fc.record({ name: text, nameKana: text, company: text, title: text, ticketCode: fc.constantFrom('', 'T-1'), vcardOptIn: fc.boolean() }),
        fc.constantFrom(...DEFAULT_EVENT_SETTINGS.industries.map((i) => i.id), ''),
        ids(DEFAULT_EVENT_SETTINGS.goals),
        ids(DEFAULT_EVENT_SETTINGS.industries),
        fc.constantFrom(...FIELD_COMBINATIONS),
        fc.constantFrom(...Object.keys(LOGOS)),
        fc.boolean(),
        fc.constantFrom(...EVENT_NAMES, ''),
        fc.constantFrom(...Object.keys(BADGE_PAGES)),
        (fields, industry, goals, lookingFor, choices, logoName, showEventName, eventName, size) => {
          const person = asAttendee({ ...fields, industry, goals, lookingFor });
          const page = BADGE_PAGES[size as keyof typeof BADGE_PAGES];
          const layout = layoutBadge(person, settingsWith(showEventName, eventName), page, { choices, logo: LOGOS[logoName]!, ticketQr: true });
          expectWellFormed(layout, `${size} ${JSON.stringify(fields)}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows only the chosen fields and the chosen QR', () => {
    const page = BADGE_PAGES.card;
    for (const choices of FIELD_COMBINATIONS) {
      for (const person of [awkward, ordinary]) {
        const layout = layoutBadge(person, DEFAULT_EVENT_SETTINGS, page, { choices, ticketQr: false });
        const company = texts(layout, 'company').flatMap((t) => t.lines).join('');
        const label = `${JSON.stringify(choices)} ${person.name}`;
        if (choices.company) expect(company, label).toContain(person.company.slice(0, 6));
        else expect(company, label).not.toContain(person.company.slice(0, 6));
        if (!choices.title) expect(company, label).not.toContain(person.title);
        if (!choices.company && !choices.title) expect(texts(layout, 'company'), label).toEqual([]);
        expect(texts(layout, 'looking-for').length > 0, label).toBe(choices.lookingFor);
        const qr = layout.ops.find((op) => op.kind === 'qr');
        const expected = choices.qr === 'ticket' ? 'ticket' : choices.qr === 'vcard' && person.vcardOptIn ? 'vcard' : undefined;
        expect(qr?.kind === 'qr' ? qr.purpose : undefined, label).toBe(expected);
      }
    }
  });

  it('keeps the goal mark (~7 mm) and word (~5 mm) as large as they were: the event name and logo take nothing from them', () => {
    const person = asAttendee({ ...BADGE_PEOPLE.ordinary, vcardOptIn: true });
    for (const choices of FIELD_COMBINATIONS) {
      const plain = layoutBadge(person, settingsWith(false, ''), BADGE_PAGES.card, { choices, logo: null });
      const plainWord = texts(plain, 'goal')[0]!.size;
      // Without a QR beside them the words are at their full ~5 mm.
      if (choices.qr === 'none' || (choices.qr === 'vcard' && !person.vcardOptIn)) expect(plainWord / MM).toBeGreaterThanOrEqual(5);
      for (const logo of Object.values(LOGOS)) {
        const layout = layoutBadge(person, settingsWith(true, EVENT_NAMES[1]!), BADGE_PAGES.card, { choices, logo });
        const mark = layout.ops.find((op) => op.kind === 'mark')!;
        expect(mark.box.w / MM).toBeGreaterThanOrEqual(6.8);
        for (const word of texts(layout, 'goal')) expect(word.size).toBeCloseTo(plainWord, 6);
      }
    }
  });

  it('keeps the logo\'s aspect ratio and leaves most of the band to the industry colour', () => {
    for (const [size, page] of Object.entries(BADGE_PAGES)) {
      for (const [name, logo] of Object.entries(LOGOS)) {
        if (!logo) continue;
        const layout = layoutBadge(asAttendee(BADGE_PEOPLE.ordinary), DEFAULT_EVENT_SETTINGS, page, { logo });
        const op = layout.ops.find((o) => o.kind === 'logo')!;
        expect(op.image.w / op.image.h, `${size} ${name}`).toBeCloseTo(logo.width / logo.height, 6);
        expect(op.box.w, `${size} ${name}`).toBeLessThanOrEqual(layout.width * 0.25 + EPSILON);
        // The industry label is still there, at full size.
        expect(texts(layout, 'industry')[0]!.lines).toEqual(['製造']);
      }
    }
  });

  it('prints the event name in the band when chosen, and shortens one too long with "…"', () => {
    const person = asAttendee(BADGE_PEOPLE.ordinary);
    expect(texts(layoutBadge(person, settingsWith(false, EVENT_NAMES[0]!), BADGE_PAGES.card), 'event-name')).toEqual([]);
    const short = texts(layoutBadge(person, settingsWith(true, EVENT_NAMES[0]!), BADGE_PAGES.card), 'event-name');
    expect(short[0]!.lines).toEqual([EVENT_NAMES[0]]);
    const long = layoutBadge(person, settingsWith(true, EVENT_NAMES[1]!), BADGE_PAGES.card, { logo: LOGOS.wide! });
    expect(texts(long, 'event-name')[0]!.lines[0]).toMatch(/…$/);
    expect(long.warnings).toContainEqual({ kind: 'truncated', field: 'event-name' });
  });
});
