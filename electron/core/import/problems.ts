import type { ImportProblem, ImportProblemCode } from '../../../shared/api/methods/import';

/**
 * Problems kept one by one. A file where every row is wrong (300,000 rows with the wrong number of
 * fields) is counted, not held whole: the preview and the summary list the first 500.
 */
const KEPT = 1000;

/** Collects problems with file, row and column, as the issue asks of every bad input. */
export class ProblemList {
  /** The first problems (every file-level one included); `count` says how many there were. */
  readonly all: ImportProblem[] = [];
  /** Rows (spreadsheet numbers) with at least one error: they are left out. */
  readonly failedRows = new Set<number>();
  private total = 0;
  private fileError = false;

  constructor(private readonly fileName: string) {}

  add(
    code: ImportProblemCode,
    severity: 'error' | 'warning',
    message: string,
    at: { row: number; column?: string; value?: string; rows?: number },
  ): void {
    this.total++;
    if (severity === 'error' && at.row === 0) this.fileError = true;
    if (severity === 'error' && at.row > 0) this.failedRows.add(at.row);
    if (this.all.length >= KEPT && at.row > 0) return;
    const where = [this.fileName, at.row > 0 ? `row ${at.row}` : '', at.column !== undefined ? `column ${at.column}` : '']
      .filter((part) => part !== '')
      .join(' ');
    this.all.push({ code, severity, message, where, row: at.row, ...(at.column !== undefined ? { column: at.column } : {}), ...(at.value !== undefined ? { value: at.value } : {}), ...(at.rows !== undefined ? { rows: at.rows } : {}) });
  }

  get count(): number {
    return this.total;
  }

  /** Asked after every slice of a commit: kept as a flag, not searched for. */
  get hasFileError(): boolean {
    return this.fileError;
  }
}
