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

/**
 * Why an error happened, when a screen must say more than its code: a fixed list, so a screen
 * never reads the English message to find out (the message stays for logs and the CLI).
 */
export const ERROR_REASONS = [
  /** This station has no printer chosen yet. */
  'no-printer',
  /** The chosen printer is not known to the OS (unplugged, renamed). */
  'printer-missing',
  /** The queue is stopped (out of labels, jammed); `detail` holds the OS's own words. */
  'printer-stopped',
  /** The queue refuses new jobs. */
  'printer-not-accepting',
  /** The OS's print service cannot be reached. */
  'no-spooler',
  /** Printing from this operating system is not supported. */
  'printing-unsupported',
  /** A badge logo that is not PNG or JPEG; `detail` names what it is (svg, gif, webp, …) when known. */
  'logo-format',
  /** A badge logo file over the size limit; `detail` is its size in bytes. */
  'logo-too-large',
  /** A badge logo whose bytes do not decode (cut short, corrupted); `detail` says where. */
  'logo-damaged',
  /** A badge logo too small or too large in pixels; `detail` is "width×height". */
  'logo-dimensions',
  /** A CMYK JPEG: printers and viewers show them with wrong colours, so RGB is asked for. */
  'logo-cmyk',
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  /** Where the problem is, e.g. the input path `fields.email` or `file.csv row 12 column Email`. */
  where?: string;
  /** The typed cause, for the screens that explain it (see ERROR_REASONS). */
  reason?: ErrorReason;
  /** Words from outside Musubi worth showing as they are, e.g. a stopped printer's state. */
  detail?: string;
}

export interface ErrorExtras {
  reason?: ErrorReason;
  detail?: string;
}

export class MusubiError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;
  readonly reason: ErrorReason | undefined;
  readonly detail: string | undefined;

  constructor(code: ErrorCode, message: string, where?: string, extras: ErrorExtras = {}) {
    super(message);
    this.name = 'MusubiError';
    this.code = code;
    this.where = where;
    this.reason = extras.reason;
    this.detail = extras.detail;
  }

  toShape(): ApiErrorShape {
    const shape: ApiErrorShape = { code: this.code, message: this.message };
    if (this.where !== undefined) shape.where = this.where;
    if (this.reason !== undefined) shape.reason = this.reason;
    if (this.detail !== undefined) shape.detail = this.detail;
    return shape;
  }

  /** Rebuilds the error on the calling side of IPC or HTTP; an unknown reason is dropped. */
  static fromShape(shape: ApiErrorShape): MusubiError {
    const code = isErrorCode(shape.code) ? shape.code : 'internal';
    const reason = isErrorReason(shape.reason) ? shape.reason : undefined;
    const detail = typeof shape.detail === 'string' ? shape.detail : undefined;
    return new MusubiError(code, shape.message, shape.where, { reason, detail });
  }
}

export function isErrorReason(value: unknown): value is ErrorReason {
  return typeof value === 'string' && (ERROR_REASONS as readonly string[]).includes(value);
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
