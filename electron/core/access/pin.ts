import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The organizer PIN and the staff PIN (the one that takes a tablet out of kiosk mode), stored only
 * as a salted scrypt hash: "scrypt$<N>$<r>$<p>$<salt base64>$<hash base64>". The cost is written
 * into the string so a later, stronger setting still verifies hashes made today.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** scrypt needs 128 · N · r bytes; leave room above it. */
const maxmemFor = (N: number, r: number): number => 256 * N * r;

export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 64;

function derive(pin: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: maxmemFor(N, r) };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Why a PIN is not acceptable as a new PIN, or null when it is. */
export function pinProblem(pin: string): string | null {
  const length = [...pin.normalize('NFKC')].length;
  if (length < PIN_MIN_LENGTH) return `A PIN needs at least ${PIN_MIN_LENGTH} characters.`;
  if (length > PIN_MAX_LENGTH) return `A PIN may have at most ${PIN_MAX_LENGTH} characters.`;
  return null;
}

export async function hashPin(pin: string): Promise<string> {
  const problem = pinProblem(pin);
  if (problem) throw new Error(problem);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(pin, salt, COST.N, COST.r, COST.p);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$');
}

const STORED = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([A-Za-z0-9+/=]{4,64})\$([A-Za-z0-9+/=]{4,128})$/;

/** Whether `pin` is the one hashed in `stored`; compared in constant time. A malformed hash never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const match = STORED.exec(stored);
  if (!match || pin.length > PIN_MAX_LENGTH * 4) return false;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A cost far beyond ours would let a tampered file stall the station; such a hash is refused.
  if (N < 2 || (N & (N - 1)) !== 0 || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const salt = Buffer.from(match[4] ?? '', 'base64');
  const expected = Buffer.from(match[5] ?? '', 'base64');
  const actual = await derive(pin, salt, N, r, p);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The wait after the n-th wrong try in a row: none for the first two (typos), then 1 s doubling to 5 minutes. */
export function delayAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(1000 * 2 ** (failures - 3), 5 * 60_000);
}

export type PinAttempt = { status: 'ok' } | { status: 'wrong'; retryAfterMs: number } | { status: 'wait'; retryAfterMs: number };

/** Callers remembered at most; past it the oldest are forgotten (a restart forgets all, too). */
const MAX_CALLERS = 10_000;

/**
 * Checks PINs with a growing delay per caller (a device or session): after repeated wrong tries,
 * the next try is refused until the delay has passed, without even hashing, so guessing a
 * four-digit PIN takes days rather than minutes. A right PIN clears the caller's count.
 */
export class PinGuard {
  private readonly callers = new Map<string, { failures: number; nextTryAt: number; checking: boolean }>();

  constructor(private readonly clock: () => number = Date.now) {}

  async attempt(caller: string, pin: string, stored: string): Promise<PinAttempt> {
    const now = this.clock();
    const state = this.callers.get(caller);
    // One try at a time per caller: parallel requests would otherwise all slip past the delay.
    if (state?.checking) return { status: 'wait', retryAfterMs: 1000 };
    if (state && now < state.nextTryAt) return { status: 'wait', retryAfterMs: state.nextTryAt - now };
    this.callers.set(caller, { failures: state?.failures ?? 0, nextTryAt: now, checking: true });
    let right: boolean;
    try {
      right = await verifyPin(pin, stored);
    } finally {
      const current = this.callers.get(caller);
      if (current) current.checking = false;
    }
    if (right) {
      this.callers.delete(caller);
      return { status: 'ok' };
    }
    const failures = (state?.failures ?? 0) + 1;
    const retryAfterMs = delayAfterFailures(failures);
    this.callers.delete(caller);
    if (this.callers.size >= MAX_CALLERS) {
      const oldest = this.callers.keys().next().value;
      if (oldest !== undefined) this.callers.delete(oldest);
    }
    this.callers.set(caller, { failures, nextTryAt: this.clock() + retryAfterMs, checking: false });
    return { status: 'wrong', retryAfterMs };
  }
}
