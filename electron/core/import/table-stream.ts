import type { MixedLines, TextReading } from './decode';

/**
 * A registration export as the readers hand it to the plan: the first records, read before
 * planning starts (the header is looked for among them), then the rest in batches as the reader
 * produces them. Nothing holds the whole file's rows: a batch is planned and let go before the
 * next one is read, so 300,000 rows cost what one batch and the plan's own indexes cost.
 */
export interface RowBatch {
  /** Cells as text. */
  records: string[][];
  /** The spreadsheet row number of each record (1-based). */
  rowNumbers: number[];
}

export interface TableStream {
  format: 'csv' | 'xlsx';
  encoding: string;
  /** A U+FFFD in a cell stands for bytes not valid in the encoding: the cells holding one are reported (`TextReading.lossy`). */
  lossy: TextReading['lossy'];
  /** Lines in different encodings (CSV only): the import is refused naming the first line of each. */
  mixed?: MixedLines;
  /** The first `HEAD_RECORDS` records (fewer when the file is shorter). */
  head: RowBatch;
  /**
   * The records after `head`. Reading them can still refuse the file (a malformed CSV record, a
   * limit past row 50) with a MusubiError, after earlier batches were given: the caller must
   * write nothing it cannot take back until the last batch is read.
   */
  rest: AsyncIterable<RowBatch>;
  /** Lets the reader go when `rest` is not read to its end (an error, a layout-only read). */
  close(): Promise<void>;
}

/** Records read ahead: the header is one of the first 15; the width of a sheet is taken over 50. */
export const HEAD_RECORDS = 50;

/** Reads the first `HEAD_RECORDS` records of `batches` and leaves the rest to be read later. */
export async function splitHead(batches: AsyncGenerator<RowBatch, void>): Promise<{ head: RowBatch; rest: AsyncGenerator<RowBatch, void> }> {
  const head: RowBatch = { records: [], rowNumbers: [] };
  let leftover: RowBatch | undefined;
  while (head.records.length < HEAD_RECORDS) {
    const next = await batches.next();
    if (next.done) break;
    const take = HEAD_RECORDS - head.records.length;
    const { records, rowNumbers } = next.value;
    head.records.push(...records.slice(0, take));
    head.rowNumbers.push(...rowNumbers.slice(0, take));
    if (records.length > take) leftover = { records: records.slice(take), rowNumbers: rowNumbers.slice(take) };
  }
  async function* rest(): AsyncGenerator<RowBatch, void> {
    if (leftover) yield leftover;
    leftover = undefined;
    yield* batches;
  }
  return { head, rest: rest() };
}

/** Every record of a table, head and rest, in order. */
export async function* allBatches(table: Pick<TableStream, 'head' | 'rest'>): AsyncGenerator<RowBatch, void> {
  yield table.head;
  yield* table.rest;
}
