import type PDFDocument from 'pdfkit';
import type { Goal } from '../../../shared/domain/settings';
import type { Box } from './layout-types';

export type GoalMark = Goal['mark'];
type Doc = InstanceType<typeof PDFDocument>;

function regularPolygon(cx: number, cy: number, radius: number, sides: number, rotation: number): number[][] {
  return Array.from({ length: sides }, (_, i) => {
    const angle = rotation + (i * 2 * Math.PI) / sides;
    return [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  });
}

function star(cx: number, cy: number, outer: number): number[][] {
  const inner = outer * 0.45;
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
}

/**
 * Draws a goal's shape mark, filled, inside `box` (a square). The shapes differ in outline, not
 * only in colour, so they read in black-and-white print and for colour-blind attendees.
 */
export function drawMark(doc: Doc, mark: GoalMark, box: Box, color: string): void {
  const s = Math.min(box.w, box.h);
  const cx = box.x + box.w / 2;
  const cy = box.y + box.h / 2;
  const r = s / 2;
  doc.save().fillColor(color);
  switch (mark) {
    case 'circle':
      doc.circle(cx, cy, r * 0.92);
      break;
    case 'square':
      doc.rect(cx - r * 0.82, cy - r * 0.82, r * 1.64, r * 1.64);
      break;
    case 'triangle':
      doc.polygon([cx, cy - r], [cx + r, cy + r * 0.8], [cx - r, cy + r * 0.8]);
      break;
    case 'diamond':
      doc.polygon([cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]);
      break;
    case 'star':
      doc.polygon(...star(cx, cy + r * 0.08, r * 1.02));
      break;
    case 'hexagon':
      doc.polygon(...regularPolygon(cx, cy, r * 0.98, 6, 0));
      break;
    case 'cross': {
      const t = r * 0.36;
      doc.polygon(
        [cx - t, cy - r], [cx + t, cy - r], [cx + t, cy - t], [cx + r, cy - t], [cx + r, cy + t], [cx + t, cy + t],
        [cx + t, cy + r], [cx - t, cy + r], [cx - t, cy + t], [cx - r, cy + t], [cx - r, cy - t], [cx - t, cy - t],
      );
      break;
    }
    case 'heart':
      doc
        .moveTo(cx, cy + r * 0.9)
        .bezierCurveTo(cx - r * 1.3, cy, cx - r * 0.9, cy - r * 1.1, cx, cy - r * 0.45)
        .bezierCurveTo(cx + r * 0.9, cy - r * 1.1, cx + r * 1.3, cy, cx, cy + r * 0.9)
        .closePath();
      break;
  }
  doc.fill().restore();
}
