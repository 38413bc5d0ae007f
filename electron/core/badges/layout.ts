import type { Attendee } from '../../../shared/domain/attendee';
import { DEFAULT_FIELD_CHOICES, type BadgeFieldChoices } from '../../../shared/domain/badge-design';
import { textColourOn } from '../../../shared/domain/colour';
import type { EventAssets, EventSettings, Industry } from '../../../shared/domain/settings';
import { missingCharacters, textWidth } from '../pdf/japanese-font';
import { BASELINE, fitText, LINE_HEIGHT } from './fit-text';
import type { BadgeLayout, BadgeOp, BadgeWarning, Box, TextRole } from './layout-types';
import { logoImageOf, type LogoImage } from './logo';
import { MM, type PageSize } from './sizes';
import { qrMatrix, vcardFor } from './qr';

export { BASELINE, LINE_HEIGHT };

export interface BadgeOptions {
  /**
   * This station adds the ticket code as a QR (for re-scanning at sessions) for attendees without
   * a vCard QR, when the badge design's QR is `vcard`.
   */
  ticketQr?: boolean;
  /** Which fields this badge shows; by default the design's choices for a card. */
  choices?: BadgeFieldChoices;
  /** The event logo; by default the one in `settings` when they carry its bytes (`readSettings`). */
  logo?: LogoImage | null;
}

/** Settings as `readSettings` gives them (with the logo's bytes) or as a screen has them (without). */
export type BadgeSettings = EventSettings & Partial<EventAssets>;

/** Which QR a badge carries, from the design's choice, the attendee's consent and the station's switch. */
export function badgeQr(attendee: Attendee, choices: BadgeFieldChoices, options: BadgeOptions): { text: string; purpose: 'ticket' | 'vcard' } | null {
  if (choices.qr === 'vcard' && attendee.vcardOptIn) return { text: vcardFor(attendee), purpose: 'vcard' };
  const ticket = choices.qr === 'ticket' || (choices.qr === 'vcard' && options.ticketQr === true);
  return ticket && attendee.ticketCode ? { text: attendee.ticketCode, purpose: 'ticket' } : null;
}

interface TextSpec {
  role: TextRole;
  text: string;
  box: Box;
  maxSize: number;
  minSize: number;
  weight?: 'regular' | 'bold';
  color?: string;
  maxLines?: 1 | 2;
}

/** One line of text whose position and size are already decided. */
function lineOp(role: TextRole, at: { x: number; y: number; w: number }, text: string, size: number, weight: 'regular' | 'bold', color: string): BadgeOp {
  return { kind: 'text', role, box: { ...at, h: size * LINE_HEIGHT }, lines: [text], size, weight, color };
}

/** Printed in place of a character the font lacks; the traditional Japanese "geta" mark. */
export const MISSING_GLYPH = '〓';
const INK = '#1A1A1A';
const MUTED = '#555555';
/** Rounding slack when checking that a mark still fits its row. */
const EPSILON_PT = 0.01;

/**
 * Where everything goes on one badge, computed before anything is drawn so that tests can check
 * that no element leaves its box. Positions are in points from the badge's top-left corner.
 *
 *   ┌────────────────────────────────────┐
 *   │ industry colour band: 製造 Manufacturing │
 *   │ やまだ たろう                  ┌────┐ │
 *   │ 山田 太郎                      │ QR │ │
 *   │ 株式会社… 部長                 └────┘ │
 *   │ ★ アイデア創出  ● 人脈拡大             │
 *   │ 会いたい [IT・通信] [金融・保険]        │
 *   └────────────────────────────────────┘
 */
export function layoutBadge(attendee: Attendee, settings: BadgeSettings, page: PageSize, options: BadgeOptions = {}): BadgeLayout {
  const choices = options.choices ?? settings.badgeDesign?.sizes.card ?? DEFAULT_FIELD_CHOICES;
  const logo = options.logo === undefined ? logoImageOf(settings) : options.logo;
  const { width: W, height: H } = page;
  const u = Math.min(H / (55 * MM), W / (91 * MM));
  const mm = (value: number): number => value * MM * u;
  const ops: BadgeOp[] = [];
  const warnings: BadgeWarning[] = [];

  /** Replaces characters the font lacks with 〓 and reports them. */
  function printable(text: string, role: TextRole): string {
    const missing = missingCharacters(text);
    if (missing.length === 0) return text;
    warnings.push({ kind: 'missing-glyph', field: role, characters: missing });
    let out = text;
    for (const char of missing) out = out.split(char).join(MISSING_GLYPH);
    return out;
  }

  /** Fits text into `box` (shrink, then wrap) and returns the part of the box it uses. */
  function addText(spec: TextSpec): Box {
    const { role, text, box, maxSize, minSize, weight = 'regular', color = INK, maxLines = 2 } = spec;
    const fitted = fitText({ text, width: box.w, height: box.h, maxSize, minSize, weight, maxLines });
    if (fitted.truncated) warnings.push({ kind: 'truncated', field: role });
    const used = { x: box.x, y: box.y, w: box.w, h: fitted.lines.length * fitted.size * LINE_HEIGHT };
    ops.push({ kind: 'text', role, box: used, lines: fitted.lines, size: fitted.size, weight, color });
    return used;
  }

  const pad = mm(3.5);
  const industries = new Map(settings.industries.map((i) => [i.id, i]));
  const industry: Industry | undefined = industries.get(attendee.industry);

  // Industry band: its colour and its label (colour is never the only cue).
  const bandH = mm(10);
  ops.push({ kind: 'rect', box: { x: 0, y: 0, w: W, h: bandH }, fill: industry?.color ?? '#EEEEEE' });
  const bandInk = textColourOn(industry?.color ?? '#EEEEEE');
  // The band's right end holds the event's logo and name, when chosen; the industry label keeps the rest.
  const bandTextRight = layoutEventMark();
  if (industry) {
    const ink = bandInk;
    const labelBox = { x: pad, y: mm(1.2), w: bandTextRight - pad, h: bandH - mm(2.4) };
    const ja = addText({ role: 'industry', text: printable(industry.ja, 'industry'), box: labelBox, maxSize: mm(5), minSize: mm(2.4), weight: 'bold', color: ink, maxLines: 1 });
    const jaOp = ops.at(-1) as Extract<BadgeOp, { kind: 'text' }>;
    const jaWidth = textWidth(jaOp.lines[0]!, jaOp.size, 'bold');
    jaOp.box.w = Math.min(jaOp.box.w, jaWidth); // the part of the band the label uses
    const enSize = Math.min(jaOp.size * 0.62, mm(3));
    const enX = pad + jaWidth + mm(2.5);
    const en = printable(industry.en, 'industry');
    if (industry.en !== industry.ja && enX + textWidth(en, enSize, 'regular') <= bandTextRight) {
      const enY = ja.y + (jaOp.size - enSize) * BASELINE;
      ops.push(lineOp('industry', { x: enX, y: enY, w: bandTextRight - enX }, en, enSize, 'regular', ink));
    }
  }

  // QR: as the design chooses (the vCard only for attendees who opted in).
  const qr = badgeQr(attendee, choices, options);
  const top = bandH + mm(2);
  let contentW = W - 2 * pad;
  if (qr) {
    const size = Math.min(W * 0.3, H - top - pad);
    const box = { x: W - pad - size, y: top, w: size, h: size };
    ops.push({ kind: 'qr', box, matrix: qrMatrix(qr.text), purpose: qr.purpose });
    contentW -= size + mm(2.5);
  }

  // Bottom rows, anchored to the bottom edge: "looking for" chips, then goals above them.
  let bottom = H - pad;
  const lookingFor = (choices.lookingFor ? attendee.lookingFor : []).map((id) => industries.get(id)).filter((i): i is Industry => i !== undefined);
  if (lookingFor.length > 0) {
    const rowH = mm(4.8);
    layoutChips({ x: pad, y: bottom - rowH, w: contentW, h: rowH }, lookingFor);
    bottom -= rowH + mm(1.3);
  }
  const goals = attendee.goals.map((id) => settings.goals.find((g) => g.id === id)).filter((g) => g !== undefined);
  if (goals.length > 0) {
    // Large enough to read across a room (2–3 m), as the industry band is: the mark ~7 mm, the word ~5 mm.
    const rowH = mm(7.5);
    layoutGoals({ x: pad, y: bottom - rowH, w: contentW, h: rowH }, goals);
    bottom -= rowH + mm(1.3);
  }

  // Reading, name and company share what is left; the name gets the most.
  const firstOfBlock = ops.length;
  let y = top;
  const kana = attendee.nameKana.trim() && attendee.nameKana.trim() !== attendee.name.trim() ? attendee.nameKana.trim() : '';
  // The display name people know them by online (connpass 表示名) goes on the small top line, when
  // there is one and the design prints it.
  const nickname = choices.nickname && attendee.nickname.trim() !== attendee.name.trim() ? attendee.nickname.trim() : '';
  const reading = [kana, nickname && `（${nickname}）`].filter(Boolean).join(' ');
  if (reading) {
    const box = { x: pad, y, w: contentW, h: mm(2.8) * LINE_HEIGHT };
    const used = addText({ role: 'reading', text: printable(reading, 'reading'), box, maxSize: mm(2.8), minSize: mm(1.8), color: MUTED, maxLines: 1 });
    y += used.h;
  }
  const companyLine = [choices.company ? attendee.company : '', choices.title ? attendee.title : ''].map((s) => s.trim()).filter(Boolean).join(' ');
  const companyMax = mm(3.4);
  const companyRoom = companyLine ? 2 * mm(2.6) * LINE_HEIGHT : 0;
  const nameRoom = Math.max(bottom - y - companyRoom - mm(1), mm(3.4) * LINE_HEIGHT);
  const nameBox = { x: pad, y, w: contentW, h: nameRoom };
  const name = addText({ role: 'name', text: printable(attendee.name.trim(), 'name'), box: nameBox, maxSize: mm(9), minSize: mm(3.4), weight: 'bold' });
  y += name.h + mm(0.6);
  if (companyLine) {
    const box = { x: pad, y, w: contentW, h: Math.max(bottom - y, companyMax * LINE_HEIGHT) };
    const company = addText({ role: 'company', text: printable(companyLine, 'company'), box, maxSize: companyMax, minSize: mm(2.2) });
    y = company.y + company.h;
  }
  // On roomy badges (A6, 4×3) the name block moves down a little instead of leaving a gap below.
  const spare = bottom - mm(1) - y;
  if (spare > 0) {
    for (const op of ops.slice(firstOfBlock)) if (op.kind === 'text') op.box.y += spare * 0.35;
  }
  return { width: W, height: H, ops, warnings };

  /**
   * The event's logo (on a white tile, aspect kept) and name at the right end of the band; returns
   * where the industry label must stop. The industry label comes first: the event name only takes
   * room the label does not need at full size, and is left out when that is too little to read.
   */
  function layoutEventMark(): number {
    let right = W - pad;
    const tileH = bandH - mm(2);
    if (logo) {
      const tilePad = mm(0.6);
      const innerH = tileH - 2 * tilePad;
      // Wide logos are capped at a quarter of the band, so the industry colour stays the band's.
      const innerW = Math.min(innerH * (logo.width / logo.height), W * 0.25 - 2 * tilePad);
      const imageH = innerW * (logo.height / logo.width);
      const tile = { x: right - innerW - 2 * tilePad, y: mm(1), w: innerW + 2 * tilePad, h: tileH };
      const image = { x: tile.x + tilePad, y: tile.y + (tileH - imageH) / 2, w: innerW, h: imageH };
      ops.push({ kind: 'logo', box: tile, image, data: logo.data });
      right = tile.x - mm(1.5);
    }
    const eventName = settings.badgeDesign?.showEventName ? settings.eventName.trim() : '';
    if (!eventName) return right;
    const label = industry?.ja ?? '';
    const labelNeeds = label ? Math.min(textWidth(label, mm(5), 'bold'), W * 0.45) + mm(2.5) : 0;
    const room = Math.min(right - pad - labelNeeds, W * 0.36);
    const text = printable(eventName, 'event-name');
    const maxSize = mm(3.2);
    const minSize = mm(2);
    if (room < Math.min(mm(12), textWidth(text, minSize, 'bold'))) {
      warnings.push({ kind: 'truncated', field: 'event-name' });
      return right;
    }
    const fitted = fitText({ text, width: room, height: tileH, maxSize, minSize, weight: 'bold', maxLines: 1 });
    if (fitted.truncated) warnings.push({ kind: 'truncated', field: 'event-name' });
    const line = fitted.lines[0]!;
    const width = Math.min(textWidth(line, fitted.size, 'bold'), room);
    // Set flush right against the logo, centred on the band's height.
    const at = { x: right - width, y: (bandH - fitted.size * LINE_HEIGHT) / 2, w: width };
    ops.push(lineOp('event-name', at, line, fitted.size, 'bold', bandInk));
    return at.x - mm(2.5);
  }

  function layoutGoals(row: Box, list: { ja: string; mark: Extract<BadgeOp, { kind: 'mark' }>['mark'] }[]): void {
    const words = list.map((g) => printable(g.ja, 'goal'));
    const gap = mm(2.5);
    const markGap = mm(1);
    // The mark keeps its size (a shape reads from farther than a word); only the words shrink.
    const markSize = row.h * 0.92;
    const naturalSize = (row.h * 0.86) / LINE_HEIGHT;
    // Goals whose word does not fit keep their mark (the legend names it), so none is dropped.
    const widthAt = (size: number, n: number): number =>
      words.slice(0, n).reduce((sum, word) => sum + markSize + markGap + textWidth(word, size, 'bold'), 0) +
      (words.length - n) * markSize +
      gap * (words.length - 1);
    let count = words.length;
    let size = naturalSize;
    while (widthAt(size, count) > row.w) {
      if (size > naturalSize * 0.6) size *= 0.95;
      else if (count > 0) count--;
      else break;
    }
    if (count < words.length) warnings.push({ kind: 'truncated', field: 'goal' });
    let x = row.x;
    for (let i = 0; i < list.length && x + markSize <= row.x + row.w + EPSILON_PT; i++) {
      ops.push({ kind: 'mark', box: { x, y: row.y + (row.h - markSize) / 2, w: markSize, h: markSize }, mark: list[i]!.mark, color: INK });
      x += markSize;
      if (i < count) {
        const textY = row.y + (row.h - size * LINE_HEIGHT) / 2;
        x += markGap;
        const w = Math.min(textWidth(words[i]!, size, 'bold'), row.x + row.w - x);
        ops.push(lineOp('goal', { x, y: textY, w }, words[i]!, size, 'bold', INK));
        x += w;
      }
      x += gap;
    }
  }

  function layoutChips(row: Box, sectors: Industry[]): void {
    const label = '会いたい';
    const labels = sectors.map((s) => printable(s.ja, 'chip'));
    const chipPad = mm(1.1);
    const gap = mm(1);
    const naturalSize = mm(2.5);
    const more = (n: number): string => (n < labels.length ? `+${labels.length - n}` : '');
    const widthAt = (size: number, n: number): number =>
      textWidth(label, size, 'regular') +
      gap +
      labels.slice(0, n).reduce((sum, l) => sum + textWidth(l, size, 'regular') + 2 * chipPad + gap, 0) +
      textWidth(more(n), size, 'bold');
    let count = labels.length;
    let size = naturalSize;
    while (widthAt(size, count) > row.w) {
      if (size > naturalSize * 0.7) size *= 0.95;
      else if (count > 1) count--;
      else break;
    }
    if (count < labels.length) warnings.push({ kind: 'truncated', field: 'chip' });
    const textY = row.y + (row.h - size * LINE_HEIGHT) / 2;
    const labelW = textWidth(label, size, 'regular');
    ops.push(lineOp('looking-for', { x: row.x, y: textY, w: labelW }, label, size, 'regular', MUTED));
    let x = row.x + labelW + gap;
    for (let i = 0; i < count; i++) {
      const w = Math.min(textWidth(labels[i]!, size, 'regular') + 2 * chipPad, row.x + row.w - x);
      if (w <= 2 * chipPad) break;
      ops.push({ kind: 'rect', box: { x, y: row.y, w, h: row.h }, fill: sectors[i]!.color, radius: row.h * 0.3 });
      const ink = textColourOn(sectors[i]!.color);
      ops.push(lineOp('chip', { x: x + chipPad, y: textY, w: w - 2 * chipPad }, labels[i]!, size, 'regular', ink));
      x += w + gap;
    }
    // Sectors that did not fit are counted, not silently dropped.
    if (count < labels.length) {
      const text = more(count);
      const w = Math.min(textWidth(text, size, 'bold'), row.x + row.w - x);
      ops.push(lineOp('chip', { x, y: textY, w }, text, size, 'bold', MUTED));
    }
  }
}
