import type { ErrorReason } from '../../../../shared/errors';
import { MusubiError } from '../../../../shared/errors';

type Translate = (key: string, values?: Record<string, string>) => string;

/** The reasons a print fails for (the others, such as a refused logo, are not about printing). */
const REASON_KEYS: Partial<Record<ErrorReason, string>> = {
  'no-printer': 'badges.noPrinter',
  'printer-missing': 'badges.reasons.missing',
  'printer-stopped': 'badges.reasons.stopped',
  'printer-not-accepting': 'badges.reasons.notAccepting',
  'no-spooler': 'badges.reasons.noSpooler',
  'printing-unsupported': 'badges.reasons.unsupported',
};

/**
 * Why a badge did not print, in the UI language, from the error's typed reason. A reason Musubi
 * does not know is shown as the OS said it; `fallback` words errors that are not print errors.
 */
export function printFailureText(error: unknown, t: Translate, fallback: (error: unknown) => string): string {
  if (!(error instanceof MusubiError)) return fallback(error);
  if (error.reason === 'no-printer') return t('badges.noPrinter');
  if (error.code !== 'print-failed') return fallback(error);
  const values = error.reason === 'printer-stopped' ? { detail: error.detail ?? '' } : undefined;
  const key = error.reason && REASON_KEYS[error.reason];
  const reason = key ? t(key, values) : error.message;
  return t('badges.printFailed', { reason });
}
