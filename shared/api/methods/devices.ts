import { z } from 'zod';
import { ROLES, type Role } from '../roles';
import { method, noInput, returns } from '../method';

/**
 * Devices and sessions on the station: which role this browser holds, pairing a tablet for one
 * role with a one-time code, the organizer's list of paired devices (and revoking one), and the
 * kiosk lock that only the staff PIN lifts.
 */

/** Roles a device can be paired for; organizer comes only from the station's machine or the organizer PIN. */
export const PAIRABLE_ROLES = ['desk', 'kiosk', 'room'] as const satisfies readonly Role[];
export type PairableRole = (typeof PAIRABLE_ROLES)[number];

/** A staff or organizer PIN: what is typed on a tablet's number pad, or a longer passphrase. */
export const pinSchema = z.string().min(4, 'at least 4 characters').max(64);

export interface WhoAmI {
  role: Role;
  /** This browser was put into kiosk mode: only the staff PIN turns it back. */
  kioskLocked: boolean;
  /** Whether a staff PIN exists (entering kiosk mode asks for one to be chosen otherwise). */
  staffPinSet: boolean;
}

export interface DevicePairing {
  /** One-time code, e.g. "7KQ2-MX9D"; typed on the tablet or carried by the QR's URL. */
  code: string;
  role: PairableRole;
  label: string;
  expiresAt: string;
  /** `http://<address>/pair#code=…` for each address the station serves on (the QR shows the first). */
  pairUrls: string[];
}

export interface DeviceSessionInfo {
  id: string;
  role: Role;
  label: string;
  createdAt: string;
  lastSeenAt: string;
  /** The session of the browser asking. */
  current: boolean;
}

const everyRole = ROLES;

export const deviceMethods = {
  whoAmI: method(noInput, returns<WhoAmI>(), { roles: everyRole }),
  createDevicePairing: method(
    z.object({ role: z.enum(PAIRABLE_ROLES), label: z.string().trim().max(60).optional() }).strict(),
    returns<DevicePairing>(),
    { roles: ['organizer'] },
  ),
  listDeviceSessions: method(noInput, returns<DeviceSessionInfo[]>(), { roles: ['organizer'] }),
  revokeDeviceSession: method(z.object({ id: z.string().min(1).max(64) }).strict(), returns<DeviceSessionInfo[]>(), { roles: ['organizer'] }),
  setStaffPin: method(z.object({ pin: pinSchema }).strict(), returns<WhoAmI>(), { roles: ['organizer'] }),
  /** Locks this browser into the kiosk; `staffPin` chooses the staff PIN when none is set yet. */
  enterKioskMode: method(z.object({ staffPin: pinSchema.optional() }).strict().optional(), returns<WhoAmI>(), {
    roles: ['organizer', 'desk'],
  }),
  exitKioskMode: method(z.object({ pin: z.string().min(1).max(64) }).strict(), returns<WhoAmI>(), { roles: ['organizer', 'kiosk'] }),
};
