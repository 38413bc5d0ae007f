import type { Role } from '../roles';
import { method, noInput, returns } from '../method';

/** Why the station said no. */
export const REFUSAL_KINDS = [
  /** A role called a method not in its list. */
  'forbidden',
  /** A kiosk lookup that matched nobody (a mistyped code, or someone guessing). */
  'kiosk-miss',
  /** A kiosk lookup refused because that kiosk had too many misses in a row ("ask the staff"). */
  'kiosk-rate-limited',
  /** A kiosk check-in with a lookup that expired or belongs to another kiosk. */
  'kiosk-stale-lookup',
  /** A wrong staff or organizer PIN. */
  'wrong-pin',
  /** A request without a valid session. */
  'unauthorized',
] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

/** Refusals since the station started, for the organizer to see someone trying the doors. */
export interface AccessStats {
  /** When counting started (the station's start). */
  since: string;
  total: number;
  byKind: Record<RefusalKind, number>;
  byRole: Record<Role, number>;
  /** How many different devices were refused (their ids are not shown: a device id may be its session). */
  devices: number;
  lastAt: string | null;
}

export const accessStatsMethods = {
  getAccessStats: method(noInput, returns<AccessStats>(), { roles: ['organizer'] }),
};
