import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Staff and organizer PINs: stored as a slow salted hash (scrypt), checked with a growing delay
 * after wrong tries so that a kiosk's number pad cannot be walked through.
 */
const KEY_LENGTH = 32;
const COST = { N: 16384, r: 8, p: 1 };

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin.normalize('NFKC'), salt, KEY_LENGTH, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function matches(pin: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

export type PinCheck = { ok: true } | { ok: false; retryAfterMs: number };

/** Free tries before the delay starts; then 1 s, 2 s, 4 s … up to 5 minutes between tries. */
const FREE_TRIES = 3;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * Checks PINs against one stored hash with a growing delay: while the delay runs every try is
 * refused without being checked (so parallel requests gain nothing). A right PIN resets it.
 */
export class PinGuard {
  private failures = 0;
  private lockedUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  check(pin: string, stored: string | undefined): PinCheck {
    const now = this.now();
    if (now < this.lockedUntil) return { ok: false, retryAfterMs: this.lockedUntil - now };
    if (stored !== undefined && matches(pin, stored)) {
      this.failures = 0;
      this.lockedUntil = 0;
      return { ok: true };
    }
    this.failures += 1;
    const delay = this.failures <= FREE_TRIES ? 0 : Math.min(1000 * 2 ** (this.failures - FREE_TRIES - 1), MAX_DELAY_MS);
    this.lockedUntil = now + delay;
    return { ok: false, retryAfterMs: delay };
  }
}
