import type { ExportWarning } from '../../../shared/api/methods/export';
import type { ExportColumn } from '../../../shared/domain/export-columns';
import { FONT_NAMES, missingCharacters, registerJapaneseFonts } from '../pdf/japanese-font';
import { pdfkit } from '../pdf/pdf-libraries';
import type { AttendanceTable, TableColumn } from './attendance-rows';
import { localDateTime } from './attendance-rows';
import { codePointLabel } from './shift-jis';
import { formatCount } from '../../../shared/text/count';

/** Relative widths: names and companies get room, counts and flags little. */
const WIDTH_WEIGHT: Record<ExportColumn, number> = {
  ticketCode: 1.3,
  name: 2,
  nameKana: 2,
  company: 2.4,
  title: 1.5,
  industry: 1.5,
  goals: 2,
  email: 2.4,
  status: 1,
  checkedInAt: 1.9,
  station: 1.1,
  badgePrints: 0.6,
  conflict: 0.6,
};

const PAGE_MARGIN = 28;
const ROW_HEIGHT = 17;
const FONT_SIZE = 8.5;
const MIN_FONT_SIZE = 6;
const HEADER_FILL = '#e8ecf2';
const STRIPE_FILL = '#f6f7f9';

const TITLES = {
  ja: { roster: '参加者名簿', printed: '出力', page: 'ページ', people: (n: number) => `${formatCount(n, 'ja')}名` },
  en: { roster: 'Attendance roster', printed: 'Printed', page: 'Page', people: (n: number) => `${formatCount(n, 'en')} attendees` },
};

/**
 * Each column gets at least its header's width (headers are short words), and the rest of the page
 * is shared by weight, so names and companies get the room.
 */
function columnWidths(doc: PDFKit.PDFDocument, table: AttendanceTable, usable: number): number[] {
  doc.font(FONT_NAMES.bold).fontSize(FONT_SIZE);
  const minimum = table.headers.map((h) => doc.widthOfString(h) + 8);
  const spare = Math.max(0, usable - minimum.reduce((a, b) => a + b, 0));
  // A ticket-type or check-in-list column weighs what a check-in time does.
  const weight = (c: TableColumn): number => (c in WIDTH_WEIGHT ? WIDTH_WEIGHT[c as ExportColumn] : WIDTH_WEIGHT.checkedInAt);
  const totalWeight = table.columns.reduce((sum, c) => sum + weight(c), 0);
  return table.columns.map((c, i) => (minimum[i] ?? 0) + (spare * weight(c)) / totalWeight);
}

/**
 * The attendance roster as an A4 landscape PDF in the bundled Japanese font, sorted by reading
 * (the table arrives sorted). Long cells end in "…" rather than overflow into the next column.
 * Characters the font cannot draw are reported as warnings instead of printing as tofu.
 */
export function attendancePdf(
  table: AttendanceTable,
  options: { language: 'ja' | 'en'; eventName: string; now: Date },
): Promise<{ bytes: Buffer; warnings: ExportWarning[] }> {
  const titles = TITLES[options.language];
  const PDFDocument = pdfkit();
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: PAGE_MARGIN, bufferPages: true, info: { Title: titles.roster, Creator: 'Musubi' } });
  registerJapaneseFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const warnings: ExportWarning[] = [];
  const usable = doc.page.width - PAGE_MARGIN * 2;
  const widths = columnWidths(doc, table, usable);
  const bottom = doc.page.height - PAGE_MARGIN - ROW_HEIGHT;

  const drawRow = (cells: string[], y: number, fill: string | null, bold: boolean): void => {
    if (fill) doc.rect(PAGE_MARGIN, y, usable, ROW_HEIGHT).fill(fill);
    doc.fillColor('#1d2330').font(bold ? FONT_NAMES.bold : FONT_NAMES.regular).fontSize(FONT_SIZE);
    let x = PAGE_MARGIN;
    cells.forEach((raw, i) => {
      const width = widths[i] ?? 0;
      const text = raw.replace(/[\r\n]+/g, ' ');
      // Too long: shrink down to a still readable size first, and only then cut with "…".
      doc.fontSize(FONT_SIZE);
      // pdfkit's line wrapper needs a little slack beyond the measured width, hence the 0.95.
      const room = (width - 6) * 0.95;
      const natural = doc.widthOfString(text);
      const size = natural > room ? Math.max(MIN_FONT_SIZE, (FONT_SIZE * room) / natural) : FONT_SIZE;
      doc.fontSize(size);
      doc.text(text, x + 3, y + 4 + (FONT_SIZE - size) / 2, { width: width - 6, height: ROW_HEIGHT - 4, lineBreak: false, ellipsis: true });
      x += width;
    });
  };

  const heading = (): number => {
    doc.font(FONT_NAMES.bold).fontSize(14).fillColor('#1d2330');
    doc.text(`${options.eventName || titles.roster}`, PAGE_MARGIN, PAGE_MARGIN, { lineBreak: false });
    doc.font(FONT_NAMES.regular).fontSize(9).fillColor('#5b6474');
    doc.text(`${titles.roster} · ${titles.printed} ${localDateTime(options.now.toISOString())} · ${titles.people(table.rows.length)}`, PAGE_MARGIN, PAGE_MARGIN + 20, {
      lineBreak: false,
    });
    const y = PAGE_MARGIN + 38;
    drawRow(table.headers, y, HEADER_FILL, true);
    return y + ROW_HEIGHT;
  };

  let y = heading();
  table.rows.forEach((row, r) => {
    if (y > bottom) {
      doc.addPage();
      y = heading();
    }
    const cells = row.map((cell) => String(cell));
    cells.forEach((text, c) => {
      for (const character of missingCharacters(text)) {
        warnings.push({ row: r + 1, column: table.headers[c] ?? '', character, codePoint: codePointLabel(character) });
      }
    });
    drawRow(cells, y, r % 2 === 1 ? STRIPE_FILL : null, false);
    y += ROW_HEIGHT;
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // The footer sits in the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc.font(FONT_NAMES.regular).fontSize(8).fillColor('#5b6474');
    doc.text(`${titles.page} ${i + 1} / ${range.count}`, PAGE_MARGIN, doc.page.height - PAGE_MARGIN + 6, {
      width: usable,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done.then((bytes) => ({ bytes, warnings }));
}
