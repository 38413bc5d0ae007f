import { randomUUID } from 'node:crypto';

/**
 * How much one kiosk may ask in a rolling minute. A kiosk serves one attendee at a time, each
 * needing a lookup or two; a tablet stepping through ticket codes or names needs many more. Past
 * either limit the kiosk says "please ask the staff" for a cooldown, and every refusal is counted.
 */
export const KIOSK_LIMITS = {
  windowMs: 60_000,
  /** Lookups that matched nobody. */
  missesPerWindow: 5,
  /** Lookups of any outcome: found answers are what an enumeration is after. */
  lookupsPerWindow: 10,
  cooldownMs: 120_000,
  /** How long a found person may be checked in from the kiosk that looked them up. */
  lookupTtlMs: 5 * 60_000,
} as const;

/** Outstanding lookups kept at most (oldest dropped first), so a busy day cannot grow memory. */
const MAX_LOOKUPS = 2_000;
const MAX_KIOSKS = 1_000;

interface KioskHistory {
  lookups: number[];
  misses: number[];
  blockedUntil: number;
}

interface Lookup {
  attendeeId: string;
  station: string;
  expiresAt: number;
}

/** Per-kiosk rate limit and the short-lived lookups that bind a found person to the kiosk that found them. */
export class KioskGuard {
  private readonly kiosks = new Map<string, KioskHistory>();
  private readonly lookups = new Map<string, Lookup>();

  constructor(private readonly clock: () => number) {}

  private history(station: string): KioskHistory {
    let history = this.kiosks.get(station);
    if (!history) {
      if (this.kiosks.size >= MAX_KIOSKS) {
        const oldest = this.kiosks.keys().next().value;
        if (oldest !== undefined) this.kiosks.delete(oldest);
      }
      history = { lookups: [], misses: [], blockedUntil: 0 };
      this.kiosks.set(station, history);
    }
    return history;
  }

  /** Whether this kiosk may look someone up now; a permitted lookup is counted at once. */
  admit(station: string): boolean {
    const now = this.clock();
    const history = this.history(station);
    if (now < history.blockedUntil) return false;
    const since = now - KIOSK_LIMITS.windowMs;
    history.lookups = history.lookups.filter((t) => t > since);
    history.misses = history.misses.filter((t) => t > since);
    if (history.lookups.length >= KIOSK_LIMITS.lookupsPerWindow || history.misses.length >= KIOSK_LIMITS.missesPerWindow) {
      history.blockedUntil = now + KIOSK_LIMITS.cooldownMs;
      history.lookups = [];
      history.misses = [];
      return false;
    }
    history.lookups.push(now);
    return true;
  }

  missed(station: string): void {
    this.history(station).misses.push(this.clock());
  }

  /** A fresh lookup id for this person, valid only for this kiosk and only for a few minutes. */
  issue(attendeeId: string, station: string): string {
    const now = this.clock();
    for (const [id, lookup] of this.lookups) {
      if (lookup.expiresAt <= now || this.lookups.size >= MAX_LOOKUPS) this.lookups.delete(id);
      else break;
    }
    const id = randomUUID();
    this.lookups.set(id, { attendeeId, station, expiresAt: now + KIOSK_LIMITS.lookupTtlMs });
    return id;
  }

  /** The attendee of a lookup, if it is this kiosk's and still fresh; it can be used once. */
  redeem(lookupId: string, station: string): string | undefined {
    const lookup = this.lookups.get(lookupId);
    if (!lookup || lookup.station !== station || lookup.expiresAt <= this.clock()) return undefined;
    this.lookups.delete(lookupId);
    return lookup.attendeeId;
  }
}
