import type { PrintSettings } from '../../../shared/api/methods/badges';
import { BADGE_SIZES, type BadgeSize } from '../../../shared/domain/settings';
import { readMeta, writeMeta } from '../db/meta';
import type { Db } from '../db/types';
import type { Printer } from './printer';

/**
 * This station's printing choices live in its own `meta` table: which printer sits next to this
 * laptop is no business of the other stations, so it is not in the synced event log.
 */
const KEYS = { printer: 'print.printer', autoPrint: 'print.auto', badgeSize: 'print.badge_size', ticketQr: 'print.ticket_qr' } as const;

function isBadgeSize(value: string | undefined): value is BadgeSize {
  return (BADGE_SIZES as readonly string[]).includes(value ?? '');
}

export function readPrintSettings(db: Db, eventSize: BadgeSize): PrintSettings {
  const size = readMeta(db, KEYS.badgeSize);
  const badgeSize = isBadgeSize(size) ? size : '';
  return {
    printer: readMeta(db, KEYS.printer) ?? '',
    autoPrint: readMeta(db, KEYS.autoPrint) === '1',
    badgeSize,
    ticketQr: readMeta(db, KEYS.ticketQr) === '1',
    effectiveSize: badgeSize || eventSize,
  };
}

export function writePrintSettings(db: Db, change: Partial<Omit<PrintSettings, 'effectiveSize'>>): void {
  db.transaction(() => {
    if (change.printer !== undefined) writeMeta(db, KEYS.printer, change.printer.trim());
    if (change.autoPrint !== undefined) writeMeta(db, KEYS.autoPrint, change.autoPrint ? '1' : '0');
    if (change.badgeSize !== undefined) writeMeta(db, KEYS.badgeSize, change.badgeSize);
    if (change.ticketQr !== undefined) writeMeta(db, KEYS.ticketQr, change.ticketQr ? '1' : '0');
  }).immediate();
}

/**
 * The warning when the printer chosen for this station is not among the OS's printers any more
 * (unplugged, renamed, removed); undefined while it is there or when none is chosen. Worded so
 * staff know what to do, and so the desk shows it as "the printer does not exist".
 */
export function missingPrinterMessage(chosen: string, printers: readonly { name: string }[]): string | undefined {
  if (!chosen || printers.some((printer) => printer.name === chosen)) return undefined;
  return `The printer "${chosen.slice(0, 200)}" does not exist on this computer any more. Choose another one in Organizer → Badges and printing.`;
}

/**
 * Checks, when the app starts, that the printer stored for this station is still installed, so
 * staff hear about an unplugged or renamed printer before the first guest arrives rather than at
 * the first badge. Undefined when all is well, none is chosen, or the OS cannot list printers
 * (printing itself will say why).
 */
export async function storedPrinterWarning(db: Db, printer: Pick<Printer, 'listPrinters'>): Promise<string | undefined> {
  const chosen = readMeta(db, KEYS.printer) ?? '';
  if (!chosen) return undefined;
  let english: string | undefined;
  try {
    english = missingPrinterMessage(chosen, await printer.listPrinters());
  } catch {
    return undefined;
  }
  // Shown in a dialog, not through the UI's translations: both languages.
  return english && `この端末のプリンター「${chosen.slice(0, 200)}」が見つかりません。主催者画面の「バッジと印刷」で選び直してください。\n\n${english}`;
}
