import type { Db } from '../db/types';
import { readMeta, writeMeta } from '../db/meta';
import { hashPin, verifyPin } from './pin';

/**
 * Where the PIN hashes live: the station's own `meta` table (never synced, so a PIN set on one
 * station does not travel to the hub or to other stations).
 * - organizer: lets a device become the organizer (and a station bound beyond loopback start)
 * - staff: takes a browser out of kiosk mode
 */
export type PinKind = 'organizer' | 'staff';

const KEYS: Record<PinKind, string> = { organizer: 'access_organizer_pin', staff: 'access_staff_pin' };

export function readPinHash(db: Db, kind: PinKind): string | null {
  return readMeta(db, KEYS[kind]) ?? null;
}

export async function setPin(db: Db, kind: PinKind, pin: string): Promise<void> {
  writeMeta(db, KEYS[kind], await hashPin(pin));
}

/** False when no PIN of this kind was set: an unset PIN never lets anyone in. */
export async function checkStoredPin(db: Db, kind: PinKind, pin: string): Promise<boolean> {
  const stored = readPinHash(db, kind);
  return stored !== null && verifyPin(pin, stored);
}
