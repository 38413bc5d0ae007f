import type { Db } from '../db/types';
import { PinGuard } from './pin';
import { readPinHash, setPin, type PinKind } from './pin-store';

export type { PinKind } from './pin-store';

export type PinCheck = { ok: true } | { ok: false; retryAfterMs: number };

/**
 * The station's PINs (stored hashed in its meta table, pin-store.ts), each try checked through
 * one growing-delay guard per PIN and device, so guessing from one tablet slows that tablet down.
 * organizer: logs a browser in as organizer and is required before the station serves beyond
 * loopback. staff: lifts a browser's kiosk lock.
 */
export class StationPins {
  private readonly guard: PinGuard;

  constructor(
    private readonly db: Db,
    now: () => number = Date.now,
  ) {
    this.guard = new PinGuard(now);
  }

  isSet(kind: PinKind): boolean {
    return readPinHash(this.db, kind) != null;
  }

  set(kind: PinKind, pin: string): Promise<void> {
    return setPin(this.db, kind, pin);
  }

  /** `device`: who is trying (a session id, or the connection's address when it has none). */
  async check(kind: PinKind, pin: string, device: string): Promise<PinCheck> {
    const stored = readPinHash(this.db, kind);
    if (stored == null) return { ok: false, retryAfterMs: 0 };
    const attempt = await this.guard.attempt(`${kind}:${device}`, pin, stored);
    return attempt.status === 'ok' ? { ok: true } : { ok: false, retryAfterMs: attempt.retryAfterMs };
  }
}
