import type { KioskSettings } from '../../../shared/api/methods/kiosk';
import { readMeta, writeMeta } from '../db/meta';
import type { Db } from '../db/types';

/**
 * How this station's kiosks behave, kept in the station's own `meta` (like its printer and
 * automatic print): a kiosk is paired to one station and prints on its printer, and the door
 * where strangers may register without staff is that station's organizer's choice. Both default off.
 */
const KEYS = { walkIn: 'kiosk.walk_in', partnerSlip: 'kiosk.partner_slip' } as const;

export function readKioskSettings(db: Db): KioskSettings {
  return { walkIn: readMeta(db, KEYS.walkIn) === '1', partnerSlip: readMeta(db, KEYS.partnerSlip) === '1' };
}

export function writeKioskSettings(db: Db, change: Partial<KioskSettings>): void {
  db.transaction(() => {
    if (change.walkIn !== undefined) writeMeta(db, KEYS.walkIn, change.walkIn ? '1' : '0');
    if (change.partnerSlip !== undefined) writeMeta(db, KEYS.partnerSlip, change.partnerSlip ? '1' : '0');
  }).immediate();
}
