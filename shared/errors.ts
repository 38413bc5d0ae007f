/**
 * Errors that cross the API boundary. They travel as `{ok: false, error: {code, message}}`
 * (see api/result.ts) because thrown errors lose their shape over IPC and HTTP.
 */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'conflict',
  'unknown-method',
  'database-too-new',
  'clock-drift',
  'unauthorized',
  'forbidden',
  'network',
  'protocol',
  'print-failed',
  'import-failed',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Where the problem is, e.g. the input path `fields.email` or `file.csv row 12 column Email`. */
  where?: string;
}

export class MusubiError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;

  constructor(code: ErrorCode, message: string, where?: string) {
    super(message);
    this.name = 'MusubiError';
    this.code = code;
    this.where = where;
  }

  toShape(): ApiErrorShape {
    return this.where === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, where: this.where };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
