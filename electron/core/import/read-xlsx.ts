import path from 'node:path/posix';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { MusubiError } from '../../../shared/errors';
import { IMPORT_LIMITS, limitExceeded, type ImportLimit } from './limits';
import { detached } from './detached';
import { columnLetter } from './header-checks';
import { splitHead, type RowBatch, type TableStream } from './table-stream';

/**
 * Reads the first filled sheet of an XLSX workbook as rows of text, streaming (a batch of rows per
 * inflated chunk, read only when the plan asks for it), with every cost
 * bounded before it is paid (limits.ts):
 * - the zip's central directory is read first: too many parts, or parts that say they unpack to
 *   more than the limits, are refused before a byte is inflated;
 * - each part is inflated as a stream that stops at the size its directory entry declared (a zip
 *   bomb that lies about its size is cut off there) and is parsed as it arrives;
 * - row numbers are only remembered, never used to size anything, so a row that claims to be row
 *   1,048,576 costs what any row costs; columns past the limit, oversized cells and too many rows
 *   stop the import with an error naming the limit;
 * - a DTD (the carrier of XXE and "billion laughs") is refused: a workbook never needs one.
 * Only what an import needs is read: cell text, shared strings, and which styles are dates.
 */

class Refused extends Error {
  constructor(readonly error: MusubiError) {
    super(error.message);
  }
}

function notAWorkbook(fileName: string, why: string): MusubiError {
  return new MusubiError('import-failed', `${fileName} is not a table Musubi can read (the workbook could not be opened: ${why}). Export the list as CSV or XLSX.`, fileName);
}

interface Zip {
  file: yauzl.ZipFile;
  entries: Map<string, yauzl.Entry>;
}

async function openZip(fileName: string, bytes: Buffer): Promise<Zip> {
  let file: yauzl.ZipFile;
  try {
    file = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    throw notAWorkbook(fileName, (error as Error).message);
  }
  if (file.entryCount > IMPORT_LIMITS.zipEntries) throw limitExceeded(fileName, 'zipEntries');
  const entries = new Map<string, yauzl.Entry>();
  let unpacked = 0;
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (entry: yauzl.Entry) => {
      unpacked += entry.uncompressedSize;
      if (unpacked > IMPORT_LIMITS.unpackedBytes) return reject(new Refused(limitExceeded(fileName, 'unpackedBytes')));
      entries.set(entry.fileName.replace(/^\/+/, ''), entry);
      file.readEntry();
    });
    file.on('end', () => resolve());
    file.on('error', (error: Error) => reject(error instanceof Refused ? error : new Refused(notAWorkbook(fileName, error.message))));
    file.readEntry();
  }).catch((error: unknown) => {
    file.close();
    throw error instanceof Refused ? error.error : error;
  });
  return { file, entries };
}

function localName(tag: { name: string }): string {
  const colon = tag.name.indexOf(':');
  return colon < 0 ? tag.name : tag.name.slice(colon + 1);
}

type Handlers = {
  open?: (tag: SaxesTagPlain, name: string) => void;
  text?: (text: string) => void;
  close?: (tag: SaxesTagPlain, name: string) => void;
};

/**
 * Streams one part through an XML parser; `limit` caps its unpacked size. Yields after each chunk
 * of the part has been parsed, so that a caller can hand out what the chunk held before the next
 * one is inflated.
 */
async function* parsePartInChunks(fileName: string, zip: Zip, partName: string, limit: ImportLimit, handlers: Handlers): AsyncGenerator<void, void> {
  const entry = zip.entries.get(partName);
  if (!entry) return;
  if (entry.uncompressedSize > IMPORT_LIMITS[limit]) throw limitExceeded(fileName, limit);
  const parser = new SaxesParser({ xmlns: false });
  parser.on('doctype', () => {
    throw new Refused(notAWorkbook(fileName, `${partName} holds a DTD, which a workbook never needs`));
  });
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open(tag, localName(tag)));
  }
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(tag, localName(tag)));
  }
  const decoder = new TextDecoder('utf-8');
  let stream;
  try {
    stream = await zip.file.openReadStreamPromise(entry);
  } catch (error) {
    throw notAWorkbook(fileName, (error as Error).message);
  }
  const chunks = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
        if (!next.done) parser.write(decoder.decode(next.value, { stream: true }));
        else parser.write(decoder.decode()).close();
      } catch (error) {
        if (error instanceof Refused) throw error.error;
        if (error instanceof MusubiError) throw error;
        throw notAWorkbook(fileName, `${partName}: ${(error as Error).message}`);
      }
      if (next.done) return;
      yield;
    }
  } finally {
    // Read to the end, refused or given up by the caller: the inflater is let go either way.
    stream.destroy();
  }
}

/** A whole part through the XML parser (the small parts read before the sheet). */
async function parsePart(fileName: string, zip: Zip, partName: string, limit: ImportLimit, handlers: Handlers): Promise<void> {
  for await (const _ of parsePartInChunks(fileName, zip, partName, limit, handlers));
}

/** The worksheets' part names in the order the workbook shows its tabs. */
async function sheetParts(fileName: string, zip: Zip): Promise<string[]> {
  const ids: string[] = [];
  await parsePart(fileName, zip, 'xl/workbook.xml', 'sheetBytes', {
    open: (tag, name) => {
      if (name === 'sheet') ids.push(tag.attributes['r:id'] ?? '');
    },
  });
  const targets = new Map<string, string>();
  await parsePart(fileName, zip, 'xl/_rels/workbook.xml.rels', 'sheetBytes', {
    open: (tag, name) => {
      const target = tag.attributes.Target;
      if (name === 'Relationship' && tag.attributes.Id && target) {
        targets.set(tag.attributes.Id, target.startsWith('/') ? target.slice(1) : path.normalize(path.join('xl', target)));
      }
    },
  });
  const ordered = ids.map((id) => targets.get(id)).filter((p): p is string => p !== undefined && zip.entries.has(p));
  if (ordered.length > 0) return ordered;
  // No usable workbook part: the sheets by number.
  return [...zip.entries.keys()]
    .filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
}

async function sharedStrings(fileName: string, zip: Zip): Promise<string[]> {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0; // furigana runs (<rPh>) are not part of the cell's text
  await parsePart(fileName, zip, 'xl/sharedStrings.xml', 'sharedStringBytes', {
    open: (_tag, name) => {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text: (text) => {
      if (!inText) return;
      current += text;
      if (current.length > IMPORT_LIMITS.cellCharacters) throw new Refused(limitExceeded(fileName, 'cellCharacters', { column: `shared string ${strings.length + 1}` }));
    },
    close: (_tag, name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(detached(current));
    },
  });
  return strings;
}

const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Which cell styles (`s="…"`) show a number as a date, so that a date column reads as one. */
async function dateStyles(fileName: string, zip: Zip): Promise<Set<number>> {
  const customDates = new Set<number>();
  const styles: number[] = [];
  let inCellXfs = false;
  await parsePart(fileName, zip, 'xl/styles.xml', 'sheetBytes', {
    open: (tag, name) => {
      if (name === 'numFmt') {
        const code = (tag.attributes.formatCode ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
        if (/[ymdhs]/i.test(code)) customDates.add(Number(tag.attributes.numFmtId));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styles.push(Number(tag.attributes.numFmtId ?? 0));
    },
    close: (_tag, name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  styles.forEach((format, index) => {
    if (BUILT_IN_DATE_FORMATS.has(format) || customDates.has(format)) dates.add(index);
  });
  return dates;
}

/** "C12" → 2 (0-based column); undefined when there is no reference. */
function columnOf(reference: string | undefined): number | undefined {
  const letters = reference ? /^([A-Z]+)/i.exec(reference)?.[1] : undefined;
  if (!letters || letters.length > 4) return undefined;
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n - 1;
}

function excelDate(serial: number): string {
  // Excel counts days from 1899-12-30 (its 1900 leap-year bug included), in the sheet's local time.
  return new Date(Math.round((serial - 25569) * 86_400_000)).toISOString();
}

/** The filled rows of one sheet, a batch per inflated chunk of it. */
async function* readSheet(fileName: string, zip: Zip, part: string, strings: string[], dates: Set<number>): AsyncGenerator<RowBatch, void> {
  let records: string[][] = [];
  let rowNumbers: number[] = [];
  let read = 0;
  let rowNumber = 0;
  let cells: string[] = [];
  let column = -1;
  let cell: { type: string; style: number; text: string } | undefined;
  let collecting = false;
  let phonetic = 0;
  const at = (): { row: number; column: string } => ({ row: rowNumber, column: columnLetter(Math.max(column, 0)) });
  const chunks = parsePartInChunks(fileName, zip, part, 'sheetBytes', {
    open: (tag, name) => {
      switch (name) {
        case 'row': {
          const r = Number(tag.attributes.r);
          rowNumber = Number.isSafeInteger(r) && r > rowNumber ? r : rowNumber + 1;
          cells = [];
          column = -1;
          break;
        }
        case 'c':
          column = columnOf(tag.attributes.r) ?? column + 1;
          if (column >= IMPORT_LIMITS.columns) throw new Refused(limitExceeded(fileName, 'columns', at()));
          cell = { type: tag.attributes.t ?? 'n', style: Number(tag.attributes.s ?? 0), text: '' };
          break;
        case 'v':
        case 't':
          if (cell && phonetic === 0) collecting = true;
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    text: (text) => {
      if (!collecting || !cell) return;
      cell.text += text;
      if (cell.text.length > IMPORT_LIMITS.cellCharacters) throw new Refused(limitExceeded(fileName, 'cellCharacters', at()));
    },
    close: (_tag, name) => {
      switch (name) {
        case 'v':
        case 't':
          collecting = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell) cells[column] = detached(cellValue(cell, strings, dates));
          cell = undefined;
          break;
        case 'row': {
          if (!cells.some((value) => value !== undefined && value !== '')) break;
          if (read >= IMPORT_LIMITS.rows) throw new Refused(limitExceeded(fileName, 'rows', { row: rowNumber }));
          read++;
          records.push(Array.from(cells, (value) => value ?? ''));
          rowNumbers.push(rowNumber);
          break;
        }
      }
    },
  });
  for await (const _ of chunks) {
    if (records.length === 0) continue;
    yield { records, rowNumbers };
    records = [];
    rowNumbers = [];
  }
  if (records.length > 0) yield { records, rowNumbers };
}

function cellValue(cell: { type: string; style: number; text: string }, strings: string[], dates: Set<number>): string {
  switch (cell.type) {
    case 's':
      return strings[Number(cell.text)] ?? '';
    case 'b':
      return cell.text === '1' ? 'TRUE' : cell.text === '0' ? 'FALSE' : cell.text;
    case 'n': {
      const number = Number(cell.text);
      return cell.text !== '' && dates.has(cell.style) && Number.isFinite(number) ? excelDate(number) : cell.text;
    }
    default: // str (a formula's text result), inlineStr, e (an error such as #N/A)
      return cell.text;
  }
}

/** The rows of the first sheet with anything on it (Google Forms puts the answers on the first sheet). */
async function* firstFilledSheet(fileName: string, zip: Zip): AsyncGenerator<RowBatch, void> {
  try {
    const parts = await sheetParts(fileName, zip);
    if (parts.length === 0) throw notAWorkbook(fileName, 'it has no worksheet');
    const strings = await sharedStrings(fileName, zip);
    const dates = await dateStyles(fileName, zip);
    for (const part of parts) {
      let filled = false;
      for await (const batch of readSheet(fileName, zip, part, strings, dates)) {
        filled = true;
        yield batch;
      }
      if (filled) return;
    }
    throw new MusubiError('import-failed', `${fileName} is not a table Musubi can read (the workbook has no filled sheet). Export the list as CSV or XLSX.`, fileName);
  } finally {
    zip.file.close();
  }
}

/** Cells past the table's width that are empty (a sheet formatted further right than it is filled). */
function trimmed(records: string[][], width: number): string[][] {
  for (const record of records) while (record.length > width && record.at(-1) === '') record.pop();
  return records;
}

export async function openXlsx(fileName: string, bytes: Buffer): Promise<TableStream> {
  const batches = firstFilledSheet(fileName, await openZip(fileName, bytes));
  const { head, rest } = await splitHead(batches);
  const width = Math.max(...head.records.map((r) => r.length));
  trimmed(head.records, width);
  async function* trimmedRest(): AsyncGenerator<RowBatch, void> {
    for await (const batch of rest) yield { records: trimmed(batch.records, width), rowNumbers: batch.rowNumbers };
  }
  return {
    format: 'xlsx',
    encoding: 'xlsx',
    lossy: false,
    head,
    rest: trimmedRest(),
    close: async () => {
      await batches.return();
    },
  };
}
