import type PDFDocument from 'pdfkit';
import { FONT_NAMES } from '../pdf/japanese-font';
import { BASELINE, LINE_HEIGHT } from './fit-text';
import type { BadgeLayout, BadgeOp } from './layout-types';
import { drawMark } from './marks';
import { QUIET_ZONE, type QrMatrix } from './qr';

type Doc = InstanceType<typeof PDFDocument>;

/** Light chips (yellow, light green) would melt into white paper: every chip gets a thin outline. */
const CHIP_OUTLINE = '#808080';

/** QR modules as vector rectangles, one per horizontal run of dark modules, on a white quiet zone. */
function drawQr(doc: Doc, matrix: QrMatrix, x: number, y: number, size: number): void {
  const module = size / (matrix.size + 2 * QUIET_ZONE);
  doc.rect(x, y, size, size).fill('#FFFFFF');
  const left = x + QUIET_ZONE * module;
  const topY = y + QUIET_ZONE * module;
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.isDark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.isDark(row, column)) column++;
      doc.rect(left + start * module, topY + row * module, (column - start) * module, module);
    }
  }
  doc.fill('#000000');
}

/** One embedded image per document and logo: a sheet of a thousand badges carries the logo once. */
const openedImages = new WeakMap<Doc, Map<Buffer, PdfImage>>();
/** pdfkit's opened image (its types leave `openImage` out); `image()` accepts it in place of bytes. */
type PdfImage = Parameters<Doc['image']>[0];
type DocWithOpenImage = Doc & { openImage(src: Buffer): PdfImage };

function openedImage(doc: Doc, data: Buffer): PdfImage {
  let images = openedImages.get(doc);
  if (!images) openedImages.set(doc, (images = new Map()));
  let image = images.get(data);
  if (!image) images.set(data, (image = (doc as DocWithOpenImage).openImage(data)));
  return image;
}

function drawOp(doc: Doc, op: BadgeOp, ox: number, oy: number): void {
  switch (op.kind) {
    case 'rect':
      if (op.radius) {
        doc.roundedRect(ox + op.box.x, oy + op.box.y, op.box.w, op.box.h, op.radius).lineWidth(0.4).fillAndStroke(op.fill, CHIP_OUTLINE);
      } else {
        doc.rect(ox + op.box.x, oy + op.box.y, op.box.w, op.box.h).fill(op.fill);
      }
      break;
    case 'text':
      doc.font(FONT_NAMES[op.weight]).fontSize(op.size).fillColor(op.color);
      op.lines.forEach((line, i) => {
        const baseline = oy + op.box.y + i * op.size * LINE_HEIGHT + op.size * BASELINE;
        doc.text(line, ox + op.box.x, baseline, { lineBreak: false, baseline: 'alphabetic' });
      });
      break;
    case 'mark':
      drawMark(doc, op.mark, { ...op.box, x: ox + op.box.x, y: oy + op.box.y }, op.color);
      break;
    case 'qr':
      drawQr(doc, op.matrix, ox + op.box.x, oy + op.box.y, op.box.w);
      break;
    case 'logo':
      doc.roundedRect(ox + op.box.x, oy + op.box.y, op.box.w, op.box.h, op.box.h * 0.12).fill('#FFFFFF');
      // The layout already kept the aspect ratio; the pixel size from the file's header is what counts
      // (a JPEG's EXIF rotation is ignored, as the checks measured the stored pixels).
      doc.image(openedImage(doc, op.data), ox + op.image.x, oy + op.image.y, { width: op.image.w, height: op.image.h, ignoreOrientation: true } as PDFKit.Mixins.ImageOption);
      break;
    case 'line':
      doc
        .moveTo(ox + op.from[0], oy + op.from[1])
        .lineTo(ox + op.to[0], oy + op.to[1])
        .lineWidth(op.width)
        .stroke(op.color);
      break;
  }
}

/** Draws a laid-out badge with its top-left corner at (x, y) on the current page. */
export function drawBadge(doc: Doc, layout: BadgeLayout, x = 0, y = 0): void {
  for (const op of layout.ops) drawOp(doc, op, x, y);
}
