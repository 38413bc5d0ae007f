import { PinGuard } from './pin';
import { readPinHash } from './pin-store';
import type { Db } from '../db/types';

/**
 * The PIN check the kiosk window's close guard uses: the staff PIN (or the organizer's, who may do
 * everything) as stored hashed in this station's database, with the same growing delay after wrong
 * tries as the station's. No PIN set means the window cannot be closed from inside: failing closed
 * is the safe side for a kiosk.
 */
export function staffPinVerifier(db: Db): (pin: string) => Promise<boolean> {
  const guard = new PinGuard();
  return async (pin) => {
    for (const kind of ['staff', 'organizer'] as const) {
      const stored = readPinHash(db, kind);
      if (stored === null) continue;
      const attempt = await guard.attempt(`kiosk-window-${kind}`, pin, stored);
      if (attempt.status === 'ok') return true;
    }
    return false;
  };
}
