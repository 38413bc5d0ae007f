import { stringify } from 'csv-stringify/sync';
import type { ExportWarning } from '../../../shared/api/methods/export';
import type { AttendanceTable, Cell } from './attendance-rows';
import { neutralizeFormula } from './formula-guard';
import { codePointLabel, encodeCp932, mapForShiftJis } from './shift-jis';

const BOM = '\uFEFF';

function csvText(headers: string[], rows: Cell[][]): string {
  const records = [headers, ...rows].map((row) => row.map((cell) => (typeof cell === 'string' ? neutralizeFormula(cell) : cell)));
  // CRLF rows as Excel writes them; fields with commas, quotes or line breaks are quoted.
  return stringify(records, { record_delimiter: 'windows', quoted_match: /[\r\n",]/ });
}

/** CSV for Excel: UTF-8 with a BOM, which is how Excel knows the file is UTF-8. */
export function attendanceCsvUtf8(table: AttendanceTable): Buffer {
  return Buffer.from(BOM + csvText(table.headers, table.rows), 'utf8');
}

/**
 * CSV in Shift_JIS (CP932) for Excel versions that ignore the BOM. Each cell is mapped on its own
 * so a character that cannot be written is reported with its row and column.
 */
export function attendanceCsvSjis(table: AttendanceTable): { bytes: Buffer; warnings: ExportWarning[] } {
  const warnings: ExportWarning[] = [];
  const mapCell = (cell: Cell, row: number, column: number): Cell => {
    if (typeof cell !== 'string') return cell;
    const { text, unmappable } = mapForShiftJis(cell);
    for (const character of unmappable) {
      warnings.push({ row, column: table.headers[column] ?? String(column + 1), character, codePoint: codePointLabel(character) });
    }
    return text;
  };
  const headers = table.headers.map((h, c) => String(mapCell(h, 0, c)));
  const rows = table.rows.map((row, r) => row.map((cell, c) => mapCell(cell, r + 1, c)));
  return { bytes: encodeCp932(csvText(headers, rows)), warnings };
}
