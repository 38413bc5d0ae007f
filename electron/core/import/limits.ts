import { MusubiError } from '../../../shared/errors';

/**
 * What an import reads at most. Each is far above a real registration export (the largest events
 * have tens of thousands of people and a few dozen columns) and low enough that a crafted file is
 * refused in seconds and within a few hundred MB, before it can freeze the desks sharing a station.
 * Sizes are of the unpacked parts of a workbook, which is what costs memory and time.
 */
export const IMPORT_LIMITS = {
  rows: 500_000,
  columns: 500,
  /** Excel's own limit for one cell. */
  cellCharacters: 32_767,
  /** The workbook's table of shared strings, unpacked. */
  sharedStringBytes: 128 * 1024 * 1024,
  /** One worksheet, unpacked. */
  sheetBytes: 256 * 1024 * 1024,
  /** Every part of the workbook together, unpacked. */
  unpackedBytes: 400 * 1024 * 1024,
  /** Parts in the workbook's zip. */
  zipEntries: 10_000,
} as const;

export type ImportLimit = keyof typeof IMPORT_LIMITS;

const LIMIT_NAMES: Record<ImportLimit, string> = {
  rows: 'rows',
  columns: 'columns',
  cellCharacters: 'characters in one cell',
  sharedStringBytes: 'bytes of shared strings',
  sheetBytes: 'bytes of one worksheet',
  unpackedBytes: 'unpacked bytes of the workbook',
  zipEntries: 'parts in the workbook',
};

function formatted(n: number): string {
  return n.toLocaleString('en-US');
}

/** "list.xlsx row 12 column C: more than 32,767 characters in one cell (the import limit); …". */
export function limitExceeded(fileName: string, limit: ImportLimit, at: { row?: number; column?: string } = {}): MusubiError {
  const where = [fileName, at.row !== undefined ? `row ${at.row}` : '', at.column !== undefined ? `column ${at.column}` : ''].filter((p) => p !== '').join(' ');
  return new MusubiError(
    'import-failed',
    `${where}: more than ${formatted(IMPORT_LIMITS[limit])} ${LIMIT_NAMES[limit]}, the import limit (${limit}). Nothing was imported; split the list or remove what is not needed.`,
    where,
  );
}
