import { notATable, readCsv } from './read-csv';
import { openXlsx } from './read-xlsx';
import type { TableStream } from './table-stream';

export { REPLACEMENT_CHARACTER } from './decode';

/**
 * Opens a registration export as a stream of rows of text (table-stream.ts): CSV, its encoding
 * found without asking (read-csv.ts, decode.ts), or XLSX, recognised by its ZIP signature
 * (read-xlsx.ts). Anything else that is plainly not text (an image, a PDF) is refused with one
 * clear error. Errors in the first records, and every error about the whole file (its kind, its
 * encoding, a workbook's structure), are thrown here; later ones while `rest` is read.
 */
export async function openTable(fileName: string, bytes: Buffer): Promise<TableStream> {
  if (bytes.length === 0) throw notATable(fileName, 'it is empty');
  const isZip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip || /\.xlsx$/i.test(fileName)) {
    if (!isZip) throw notATable(fileName, 'it is named .xlsx but is not a workbook');
    return openXlsx(fileName, bytes);
  }
  return readCsv(fileName, bytes);
}
