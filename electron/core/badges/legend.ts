import { textColourOn } from '../../../shared/domain/colour';
import type { EventSettings } from '../../../shared/domain/settings';
import { FONT_NAMES, missingCharacters } from '../pdf/japanese-font';
import { BASELINE, fitText, LINE_HEIGHT } from './fit-text';
import { drawMark } from './marks';
import { finishPdf, loadPdfRendering, newPdf, type Doc } from './pdf-document';
import { A3, A4, MM } from './sizes';

const INK = '#1A1A1A';
const LOOKING_FOR_JA = '「会いたい」の後の色札は、その人が話したい業種です。同じ色の帯の人に声をかけてみましょう。';
const LOOKING_FOR_EN =
  'The chips after "会いたい" are the industries that person wants to meet. Look for badges with that band colour and say hello.';
const MUTED = '#555555';

function printable(text: string): string {
  let out = text;
  for (const char of missingCharacters(text)) out = out.split(char).join('〓');
  return out;
}

/** Draws text fitted into a box (shrinks, then two lines; never leaves the box); also the kiosk's partner slip. */
export function boxText(doc: Doc, text: string, x: number, y: number, w: number, h: number, maxSize: number, weight: 'regular' | 'bold', color = INK): void {
  const fitted = fitText({ text: printable(text), width: w, height: h, maxSize, minSize: Math.min(maxSize, 7), weight });
  const top = y + (h - fitted.lines.length * fitted.size * LINE_HEIGHT) / 2;
  doc.font(FONT_NAMES[weight]).fontSize(fitted.size).fillColor(color);
  fitted.lines.forEach((line, i) => {
    doc.text(line, x, top + i * fitted.size * LINE_HEIGHT + fitted.size * BASELINE, { lineBreak: false, baseline: 'alphabetic' });
  });
}

/**
 * The venue poster: colour → industry, mark → goal, and how to read the "looking for" chips, in
 * Japanese and English, on A4 or A3 (the same layout, scaled).
 */
export async function renderLegend(settings: EventSettings, paper: 'a4' | 'a3' = 'a4'): Promise<Buffer> {
  const page = paper === 'a3' ? A3 : A4;
  const s = page.width / A4.width;
  const mm = (value: number): number => value * MM * s;
  await loadPdfRendering();
  const doc = newPdf('Musubi legend');
  doc.addPage({ size: [page.width, page.height], margin: 0 });
  const margin = mm(14);
  const innerW = page.width - 2 * margin;
  let y = margin;

  boxText(doc, 'バッジの見かた', margin, y, innerW, mm(12), mm(9), 'bold');
  y += mm(12);
  const subtitle = settings.eventName ? `How to read the badges — ${settings.eventName}` : 'How to read the badges';
  boxText(doc, subtitle, margin, y, innerW, mm(7), mm(5), 'regular', MUTED);
  y += mm(11);

  const columnGap = mm(6);
  const columnW = (innerW - columnGap) / 2;
  const section = (ja: string, en: string): void => {
    boxText(doc, `${ja}  ${en}`, margin, y, innerW, mm(8), mm(5.5), 'bold');
    y += mm(9);
    doc.moveTo(margin, y).lineTo(margin + innerW, y).lineWidth(0.6).stroke(INK);
    y += mm(3);
  };

  section('業種 ＝ 帯の色', 'Industry = colour band');
  // Rows shrink when an organizer has many industries or goals, so the poster stays one page.
  const rows = Math.ceil(settings.industries.length / 2) + Math.ceil(settings.goals.length / 2);
  const fixed = y - margin + 2 * mm(12) + 2 * mm(6) + mm(12) + mm(28);
  const rowH = Math.min(mm(13), (page.height - 2 * margin - fixed) / Math.max(rows, 1));
  settings.industries.forEach((industry, i) => {
    const x = margin + (i % 2) * (columnW + columnGap);
    const top = y + Math.floor(i / 2) * rowH;
    const swatchW = mm(30);
    doc.rect(x, top + mm(1), swatchW, rowH - mm(2)).lineWidth(0.4).fillAndStroke(industry.color, '#808080');
    boxText(doc, industry.ja, x + mm(2), top + mm(1), swatchW - mm(4), rowH - mm(2), mm(4), 'bold', textColourOn(industry.color));
    boxText(doc, industry.ja, x + swatchW + mm(3), top, columnW - swatchW - mm(3), rowH / 2, mm(4.5), 'bold');
    boxText(doc, industry.en, x + swatchW + mm(3), top + rowH / 2, columnW - swatchW - mm(3), rowH / 2, mm(3.6), 'regular', MUTED);
  });
  y += Math.ceil(settings.industries.length / 2) * rowH + mm(6);

  section('目的 ＝ マーク', 'Goal = mark');
  settings.goals.forEach((goal, i) => {
    const x = margin + (i % 2) * (columnW + columnGap);
    const top = y + Math.floor(i / 2) * rowH;
    drawMark(doc, goal.mark, { x, y: top + mm(2), w: rowH - mm(4), h: rowH - mm(4) }, INK);
    boxText(doc, goal.ja, x + rowH, top, columnW - rowH, rowH / 2, mm(4.5), 'bold');
    boxText(doc, goal.en, x + rowH, top + rowH / 2, columnW - rowH, rowH / 2, mm(3.6), 'regular', MUTED);
  });
  y += Math.ceil(settings.goals.length / 2) * rowH + mm(6);

  section('会いたい業種', 'Looking for');
  boxText(doc, LOOKING_FOR_JA, margin, y, innerW, mm(14), mm(4.2), 'regular');
  y += mm(14);
  boxText(doc, LOOKING_FOR_EN, margin, y, innerW, mm(14), mm(3.8), 'regular', MUTED);
  return finishPdf(doc);
}

/** Characters in the organizer's labels that the font lacks (the poster prints them as 〓). */
export function legendMissingCharacters(settings: EventSettings): string[] {
  const labels = [...settings.industries, ...settings.goals].flatMap((item) => [item.ja, item.en]);
  return [...new Set(missingCharacters([settings.eventName, ...labels].join(' ')))];
}
