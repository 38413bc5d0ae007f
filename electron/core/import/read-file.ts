import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { MusubiError } from '../../../shared/errors';

/**
 * Reads a registration export into rows of text. CSV bytes are decoded in the order Japanese
 * registration exports need (docs/decisions.md "Shift_JIS means CP932"): a BOM, else strict UTF-8, else CP932 (Windows Shift_JIS, which holds
 * 髙 and 﨑); nobody is asked for the encoding. XLSX is recognised by its ZIP signature. Anything
 * else that is plainly not text (an image, a PDF) is refused with one clear error.
 */
export interface RawTable {
  format: 'csv' | 'xlsx';
  encoding: string;
  /** Every record, cells as text. */
  records: string[][];
  /** The spreadsheet row number of each record (1-based). */
  rowNumbers: number[];
  /** Some bytes were not valid in the encoding and became U+FFFD: the cells holding one are reported. */
  lossy: boolean;
}

/** Characters that mean "these bytes were not valid in the detected encoding". */
export const REPLACEMENT_CHARACTER = '\ufffd';

function notATable(fileName: string, why: string): MusubiError {
  return new MusubiError('import-failed', `${fileName} is not a table Musubi can read (${why}). Export the list as CSV or XLSX.`, fileName);
}

export function decodeText(bytes: Buffer): { text: string; encoding: string; lossy: boolean } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom', lossy: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', lossy: false };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', lossy: false };
  } catch {
    // Not clean UTF-8: CP932, unless it is UTF-8 with a few broken bytes (a truncated export), in
    // which case reading it as CP932 would garble every line instead of reporting the broken cells.
    const cp932 = iconv.decode(bytes, 'cp932');
    const utf8 = new TextDecoder('utf-8').decode(bytes);
    const [bad8, bad932] = [replacements(utf8), replacements(cp932)];
    return bad8 < bad932 ? { text: utf8, encoding: 'utf-8', lossy: true } : { text: cp932, encoding: 'cp932', lossy: bad932 > 0 };
  }
}

function replacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf(REPLACEMENT_CHARACTER); i >= 0; i = text.indexOf(REPLACEMENT_CHARACTER, i + 1)) n++;
  return n;
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192);
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return true;
  // UTF-16 text has NUL bytes too, but it starts with its BOM (handled before this is asked).
  return head.includes(0);
}

/** The field separator of a CSV: the one of comma, tab and semicolon most used on its first line. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}

/** The 1-based line of a character offset (for error messages). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function readCsv(fileName: string, bytes: Buffer): RawTable {
  if (looksBinary(bytes) && !(bytes[0] === 0xff && bytes[1] === 0xfe)) throw notATable(fileName, 'it holds binary data');
  const { text, encoding, lossy } = decodeText(bytes);
  if (text.trim() === '') throw notATable(fileName, 'it is empty');
  // Papa Parse: about twice as fast as csv-parse on a 100,000-row file, same RFC 4180 reading.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, { delimiter: sniffDelimiter(body), skipEmptyLines: false });
  const failure = result.errors[0];
  if (failure) {
    const line = typeof failure.index === 'number' ? lineAt(body, failure.index) : failure.row !== undefined ? failure.row + 1 : undefined;
    throw new MusubiError(
      'import-failed',
      `${fileName} could not be read as CSV${line ? ` near line ${line}` : ''}: ${failure.message}`,
      line ? `${fileName} line ${line}` : fileName,
    );
  }
  const records = result.data;
  // A final line break ends the last record; it does not start an empty one.
  const last = records.at(-1);
  if (last && last.length === 1 && last[0] === '' && /[\r\n]$/.test(body)) records.pop();
  return { format: 'csv', encoding, records, rowNumbers: records.map((_, i) => i + 1), lossy };
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return value.result === undefined || value.result === null ? '' : String(value.result as unknown);
  }
  return cell.text;
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<RawTable> {
  // Loaded on first use: exceljs is a third of the bundle, and most runs never touch a workbook.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw notATable(fileName, `the workbook could not be opened: ${(error as Error).message}`);
  }
  // The first sheet with anything on it (Google Forms puts the answers on the first sheet).
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0);
  if (!sheet) throw notATable(fileName, 'the workbook has no filled sheet');
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  const width = sheet.actualColumnCount;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(width, row.cellCount); column++) cells.push(cellText(row.getCell(column)));
    while (cells.length > width && cells.at(-1) === '') cells.pop();
    records.push(cells);
    rowNumbers.push(rowNumber);
  });
  return { format: 'xlsx', encoding: 'xlsx', records, rowNumbers, lossy: false };
}

export async function readTable(fileName: string, bytes: Buffer): Promise<RawTable> {
  if (bytes.length === 0) throw notATable(fileName, 'it is empty');
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    if (!isZip) throw notATable(fileName, 'it is named .xlsx but is not a workbook');
    return readXlsx(fileName, bytes);
  }
  return readCsv(fileName, bytes);
}
