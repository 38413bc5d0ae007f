import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { MusubiError } from '../../../shared/errors';
import { decodePieces, detectEncoding, isUtf16, looksBinary, PIECE_BYTES } from './decode';
import { IMPORT_LIMITS, limitExceeded } from './limits';
import { splitHead, type RowBatch, type TableStream } from './table-stream';

/**
 * Reads a CSV as a stream of records: the encoding is found first, then the bytes are decoded a
 * piece at a time (decode.ts, every encoding alike) and each piece goes through Papa Parse only
 * when the plan asks for more rows, so neither the whole text nor the whole file's records are
 * ever held. Papa Parse: about twice as fast as csv-parse on
 * a 100,000-row file, same RFC 4180 reading.
 */

export function notATable(fileName: string, why: string): MusubiError {
  return new MusubiError('import-failed', `${fileName} is not a table Musubi can read (${why}). Export the list as CSV or XLSX.`, fileName);
}

/** The field separator of a CSV: the one of comma, tab and semicolon most used on its first line. */
function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}

/**
 * The line break of a CSV (CRLF, LF or CR), found on its first text as Papa Parse would find it,
 * but given to Papa: left to itself it guesses from its first chunk, which may be a few bytes.
 */
function sniffNewline(head: string): '\r\n' | '\n' | '\r' {
  // Line breaks inside quotes are not the file's; a CR at the end may be half of a CRLF.
  const text = head.replace(/"[^]*?"/g, '').replace(/\r$/, '');
  const byCr = text.split('\r');
  const byLf = text.split('\n');
  if (byCr.length === 1 || (byLf.length > 1 && (byLf[0] ?? '').length < (byCr[0] ?? '').length)) return '\n';
  const crlf = byCr.filter((part) => part.startsWith('\n')).length;
  return crlf >= (byCr.length - 1) / 2 ? '\r\n' : '\r';
}

/** The 1-based line of a character offset (for error messages). */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The first malformed record's error, the whole text read again in one go so that its line is exact. */
function csvError(fileName: string, pieces: () => Iterable<string>, delimiter: string): MusubiError {
  const body = withoutBom([...pieces()].join(''));
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false });
  const failure = result.errors[0];
  const line = failure ? (typeof failure.index === 'number' ? lineAt(body, failure.index) : failure.row !== undefined ? failure.row + 1 : undefined) : undefined;
  return new MusubiError(
    'import-failed',
    `${fileName} could not be read as CSV${line ? ` near line ${line}` : ''}: ${failure?.message ?? 'malformed record'}`,
    line ? `${fileName} line ${line}` : fileName,
  );
}

/**
 * Papa Parse over the pieces of text, each piece's records handed out as one batch. Papa reads
 * from a stream that is given the next piece only once the last one's records were taken, and
 * pauses after each piece; a record cut by a piece's end is completed by the next (Papa keeps the
 * partial line). The last record is held back until the end: a final line break ends it, it does
 * not start an empty one.
 */
async function* csvBatches(fileName: string, pieces: () => Generator<string, void>, delimiter: string, newline: '\r\n' | '\n' | '\r'): AsyncGenerator<RowBatch, void> {
  const input = new Readable({ objectMode: true, read: () => undefined });
  let batch: string[][] | undefined;
  let failed = false;
  let done = false;
  let broken: Error | undefined;
  let parser: Papa.Parser | undefined;
  let paused = false;
  let wake = (): void => undefined;
  Papa.parse<string[]>(input, {
    delimiter,
    newline,
    skipEmptyLines: false,
    chunk: (result: Papa.ParseResult<string[]>, handle: Papa.Parser) => {
      parser = handle;
      if (result.errors.length > 0) {
        failed = true;
        handle.abort();
      } else {
        batch = result.data;
        paused = true;
        handle.pause();
      }
      wake();
    },
    complete: () => {
      done = true;
      wake();
    },
    error: (error: Error) => {
      broken = error;
      wake();
    },
  });
  const source = pieces();
  let first = true;
  let lastChar = '';
  let carry = '';
  let read = 0;
  let held: string[] | undefined;
  try {
    for (;;) {
      if (broken) throw notATable(fileName, broken.message);
      if (failed) throw csvError(fileName, pieces, delimiter);
      if (batch) {
        const records = held ? [held, ...batch] : batch;
        batch = undefined;
        held = records.pop();
        const firstRow = read + 1;
        read += records.length;
        if (read + (held ? 1 : 0) > IMPORT_LIMITS.rows + 1) throw limitExceeded(fileName, 'rows', { row: IMPORT_LIMITS.rows + 1 });
        const wide = records.findIndex((record) => record.length > IMPORT_LIMITS.columns);
        if (wide >= 0) throw limitExceeded(fileName, 'columns', { row: firstRow + wide });
        if (records.length > 0) yield { records, rowNumbers: records.map((_, i) => firstRow + i) };
        continue;
      }
      if (done) break;
      const arrived = new Promise<void>((resolve) => {
        wake = resolve;
      });
      if (paused) {
        paused = false;
        parser?.resume(); // parses a piece Papa already holds, if any, before it is given another
      }
      if (!batch && !done && !failed) {
        const next = source.next();
        if (next.done) {
          if (carry) input.push(carry);
          input.push(null);
        } else {
          let piece = carry + (first ? withoutBom(next.value) : next.value);
          first = false;
          lastChar = piece.at(-1) ?? lastChar;
          // A piece that ends between a CR and its LF goes to Papa without the CR: Papa calls a
          // closing quote followed by a lone CR at a chunk's end an invalid quote.
          carry = piece.endsWith('\r') ? '\r' : '';
          if (carry) piece = piece.slice(0, -1);
          if (piece === '') wake();
          else input.push(piece);
        }
      }
      await arrived;
    }
  } finally {
    input.destroy();
  }
  if (!held || (held.length === 1 && held[0] === '' && (lastChar === '\n' || lastChar === '\r'))) return;
  if (held.length > IMPORT_LIMITS.columns) throw limitExceeded(fileName, 'columns', { row: read + 1 });
  yield { records: [held], rowNumbers: [read + 1] };
}

export async function readCsv(fileName: string, bytes: Buffer, pieceBytes = PIECE_BYTES): Promise<TableStream> {
  const { encoding, lossy, mixed } = await detectEncoding(bytes);
  const pieces = (): Generator<string, void> => decodePieces(bytes, encoding, pieceBytes);
  // The first 4 KB of text and at least one line break, however small the pieces: enough to see
  // binary data, the separator and the line break.
  let head = '';
  for (const piece of pieces()) {
    head += piece;
    if (head.length >= 4096 && /[\r\n][^]/.test(head)) break;
    if (head.length >= 1 << 20) break;
  }
  // UTF-16 has a NUL in every ASCII character; decoded, text has no control characters.
  // eslint-disable-next-line no-control-regex
  const binary = isUtf16(encoding) ? /[\x00-\x08\x0e-\x1f]/.test(head.slice(0, 4096)) : looksBinary(bytes);
  if (binary) throw notATable(fileName, 'it holds binary data');
  let blank = true;
  for (const piece of pieces()) {
    if (piece.trim() === '') continue;
    blank = false;
    break;
  }
  if (blank) throw notATable(fileName, 'it is empty');
  const batches = csvBatches(fileName, pieces, sniffDelimiter(withoutBom(head)), sniffNewline(head));
  const { head: first, rest } = await splitHead(batches);
  return {
    format: 'csv',
    encoding,
    lossy,
    ...(mixed ? { mixed } : {}),
    head: first,
    rest,
    close: async () => {
      await batches.return();
    },
  };
}
