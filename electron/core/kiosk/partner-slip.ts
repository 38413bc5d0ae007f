import type { KioskPartner } from '../../../shared/api/methods/kiosk';
import type { BadgeSize, EventSettings } from '../../../shared/domain/settings';
import { textColourOn } from '../../../shared/domain/colour';
import { boxText } from '../badges/legend';
import { drawMark } from '../badges/marks';
import { finishPdf, loadPdfRendering, newPdf } from '../badges/pdf-document';
import { MM, singleBadgePage } from '../badges/sizes';

const INK = '#1A1A1A';
const MUTED = '#555555';
const TITLE = { ja: '会ってみませんか', en: 'People to look for' } as const;
const HINT = { ja: '帯の色とマークを目印に探してみましょう', en: 'Look for their band colour and marks' } as const;

/**
 * The kiosk's partner slip: the people suggested at check-in on one small page of the badge's size
 * (so it goes through the badge printer's media as it is), in the language the kiosk was showing.
 * Each row: the industry colour with its name, the person's name and company, and their goal marks.
 * Nothing but what the suggestion itself shows (no e-mail, no id).
 */
export async function renderPartnerSlip(
  partners: readonly KioskPartner[],
  settings: EventSettings,
  size: BadgeSize,
  language: 'ja' | 'en',
): Promise<Buffer> {
  const page = singleBadgePage(size);
  // Laid out on the card (91 × 55 mm) and scaled to the page, so every size reads the same.
  const s = Math.min(page.width / (91 * MM), page.height / (55 * MM));
  const mm = (value: number): number => value * MM * s;
  await loadPdfRendering();
  const doc = newPdf('Musubi partner slip');
  doc.addPage({ size: [page.width, page.height], margin: 0 });
  const margin = mm(3.5);
  const innerW = page.width - 2 * margin;
  let y = margin;
  boxText(doc, TITLE[language], margin, y, innerW, mm(6), mm(4.6), 'bold');
  y += mm(6.5);
  doc.moveTo(margin, y).lineTo(margin + innerW, y).lineWidth(0.5).stroke(INK);
  y += mm(1.2);

  const rows = partners.slice(0, 3);
  const rowH = (page.height - y - margin - mm(4.5)) / 3;
  for (const partner of rows) {
    const industry = settings.industries.find((i) => i.id === partner.industry);
    const chipW = mm(19);
    const colour = industry?.color ?? '#FFFFFF';
    doc.rect(margin, y + mm(0.8), chipW, rowH - mm(1.6)).lineWidth(0.4).fillAndStroke(colour, '#808080');
    boxText(doc, industry ? industry[language] : '—', margin + mm(1), y + mm(0.8), chipW - mm(2), rowH - mm(1.6), mm(2.8), 'bold', textColourOn(colour));

    const x = margin + chipW + mm(2.5);
    const goals = partner.goals.flatMap((id) => settings.goals.filter((g) => g.id === id)).slice(0, 3);
    const marksW = goals.length * (rowH * 0.42 + mm(0.8));
    const textW = innerW - chipW - mm(2.5) - marksW;
    boxText(doc, partner.name, x, y, textW, rowH * 0.55, mm(4), 'bold');
    if (partner.company) boxText(doc, partner.company, x, y + rowH * 0.55, textW, rowH * 0.45, mm(2.8), 'regular', MUTED);
    goals.forEach((goal, i) => {
      const side = rowH * 0.42;
      drawMark(doc, goal.mark, { x: x + textW + i * (side + mm(0.8)), y: y + (rowH - side) / 2, w: side, h: side }, INK);
    });
    y += rowH;
  }
  boxText(doc, HINT[language], margin, page.height - margin - mm(4), innerW, mm(4), mm(2.6), 'regular', MUTED);
  return finishPdf(doc);
}
