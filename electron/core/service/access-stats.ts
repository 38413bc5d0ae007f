import { REFUSAL_KINDS, type AccessStats, type RefusalKind } from '../../../shared/api/methods/access-stats';
import { ROLES, type Caller, type Role } from '../../../shared/api/roles';

/** At most this many device ids are remembered; past it new devices still count, only not as distinct. */
const MAX_DEVICES = 10_000;

/**
 * Counts every refusal (wrong role, kiosk misses and rate limits, wrong PINs, missing sessions) in
 * memory, since the station started. Kept out of the database on purpose: these counts are for
 * noticing someone trying the doors during the event, they hold no personal data, and writing
 * them would let a guessing tablet grow the station's file.
 */
export class AccessStatsCounter {
  private readonly byKind = Object.fromEntries(REFUSAL_KINDS.map((k) => [k, 0])) as Record<RefusalKind, number>;
  private readonly byRole = Object.fromEntries(ROLES.map((r) => [r, 0])) as Record<Role, number>;
  private readonly devices = new Set<string>();
  private total = 0;
  private lastAt: string | null = null;
  private readonly since: string;

  constructor(private readonly wallClock: () => number) {
    this.since = new Date(wallClock()).toISOString();
  }

  refused(kind: RefusalKind, caller: Caller): void {
    this.total += 1;
    this.byKind[kind] += 1;
    this.byRole[caller.role] += 1;
    if (this.devices.size < MAX_DEVICES) this.devices.add(`${caller.role}:${caller.station}`);
    this.lastAt = new Date(this.wallClock()).toISOString();
  }

  read(): AccessStats {
    return {
      since: this.since,
      total: this.total,
      byKind: { ...this.byKind },
      byRole: { ...this.byRole },
      devices: this.devices.size,
      lastAt: this.lastAt,
    };
  }
}
