import type { Db } from '../db/types';
import { hashPin, PinGuard, type PinCheck } from './pin';

/**
 * organizer: logs a browser in as organizer and is required before the station serves beyond
 * loopback. staff: lifts a browser's kiosk lock (a desk tablet back to the desk).
 */
export type PinKind = 'organizer' | 'staff';

/** The station's PINs, stored hashed, each checked through its own growing-delay guard. */
export class StationPins {
  private readonly guards: Record<PinKind, PinGuard>;

  constructor(
    private readonly db: Db,
    now: () => number = Date.now,
  ) {
    this.guards = { organizer: new PinGuard(now), staff: new PinGuard(now) };
  }

  private stored(kind: PinKind): string | undefined {
    return (this.db.prepare('SELECT hash FROM station_pins WHERE kind = ?').get(kind) as { hash: string } | undefined)?.hash;
  }

  isSet(kind: PinKind): boolean {
    return this.stored(kind) !== undefined;
  }

  set(kind: PinKind, pin: string): void {
    this.db.prepare('INSERT INTO station_pins (kind, hash) VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET hash = excluded.hash').run(kind, hashPin(pin));
  }

  check(kind: PinKind, pin: string): PinCheck {
    return this.guards[kind].check(pin, this.stored(kind));
  }
}
