import type { PrintSettings } from '../../../shared/api/methods/badges';
import { BADGE_SIZES, type BadgeSize } from '../../../shared/domain/settings';
import { readMeta, writeMeta } from '../db/meta';
import type { Db } from '../db/types';

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
