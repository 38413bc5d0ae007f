import type ExcelJS from 'exceljs';
import type { AttendanceTable, Cell, CheckinEventRow } from './attendance-rows';
import { localDateTime } from './attendance-rows';
import { neutralizeFormula } from './formula-guard';
import type { partnerSheet } from './partner-sheet';

const SHEET_NAMES = {
  ja: { attendees: '参加者', events: '受付履歴' },
  en: { attendees: 'Attendees', events: 'Check-ins' },
};
const EVENT_HEADERS = {
  ja: ['受付時刻', '受付番号', '氏名', '受付場所', '方法', '状態'],
  en: ['Scanned at', 'Ticket code', 'Name', 'Station', 'Source', 'State'],
};
const SOURCES: Record<'ja' | 'en', Record<string, string>> = {
  ja: { qr: 'QRコード', search: '検索', kiosk: 'セルフ受付', walkin: '当日参加', cli: 'コマンド' },
  en: { qr: 'QR code', search: 'Search', kiosk: 'Self check-in', walkin: 'Walk-in', cli: 'Command line' },
};
const EVENT_STATES = {
  ja: { official: '受付', conflict: '重複', undone: '取消' },
  en: { official: 'Official', conflict: 'Conflict', undone: 'Undone' },
};

/**
 * Every value goes in as a plain string or number cell — never a formula — and text that a
 * spreadsheet would read as a formula gets the OWASP leading quote (formula-guard.ts), so it stays
 * text even when someone edits the cell later.
 */
function safe(cell: Cell): Cell {
  return typeof cell === 'string' ? neutralizeFormula(cell) : cell;
}

function addSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: Cell[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers.map(safe)).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(safe));
  sheet.columns.forEach((column, index) => {
    const longest = Math.max(...[headers, ...rows].map((row) => String(row[index] ?? '').length));
    column.width = Math.min(60, Math.max(8, longest * 2 + 2));
  });
}

/** XLSX: a sheet of attendees, a sheet of check-in events (who, when, where, and undos), and the partner figures. */
export async function attendanceXlsx(
  table: AttendanceTable,
  events: CheckinEventRow[],
  options: { language: 'ja' | 'en'; includeNames: boolean; partners?: ReturnType<typeof partnerSheet> },
): Promise<Buffer> {
  const { language } = options;
  // Loaded on first use: exceljs is a third of the bundle, and most runs never touch a workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Musubi';
  addSheet(workbook, SHEET_NAMES[language].attendees, table.headers, table.rows);
  const headers = EVENT_HEADERS[language].filter((_, i) => options.includeNames || i !== 2);
  const rows = events.map((e) =>
    [localDateTime(e.at), e.ticketCode, e.name, e.station, SOURCES[language][e.source] ?? e.source, EVENT_STATES[language][e.state]].filter(
      (_, i) => options.includeNames || i !== 2,
    ),
  );
  addSheet(workbook, SHEET_NAMES[language].events, headers, rows);
  if (options.partners) addSheet(workbook, options.partners.name, options.partners.headers, options.partners.rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
