import type { ImportProblem, ImportProblemCode } from '../../../shared/api/methods/import';

/** Collects problems with file, row and column, as the issue asks of every bad input. */
export class ProblemList {
  readonly all: ImportProblem[] = [];
  /** Rows (spreadsheet numbers) with at least one error: they are left out. */
  readonly failedRows = new Set<number>();

  constructor(private readonly fileName: string) {}

  add(
    code: ImportProblemCode,
    severity: 'error' | 'warning',
    message: string,
    at: { row: number; column?: string; value?: string; rows?: number },
  ): void {
    const where = [this.fileName, at.row > 0 ? `row ${at.row}` : '', at.column !== undefined ? `column ${at.column}` : '']
      .filter((part) => part !== '')
      .join(' ');
    this.all.push({ code, severity, message, where, row: at.row, ...(at.column !== undefined ? { column: at.column } : {}), ...(at.value !== undefined ? { value: at.value } : {}), ...(at.rows !== undefined ? { rows: at.rows } : {}) });
    if (severity === 'error' && at.row > 0) this.failedRows.add(at.row);
  }

  get hasFileError(): boolean {
    return this.all.some((p) => p.severity === 'error' && p.row === 0);
  }
}
