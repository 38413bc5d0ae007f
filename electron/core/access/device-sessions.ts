import { randomBytes } from 'node:crypto';
import type { DeviceSessionInfo, PairableRole } from '../../../shared/api/methods/devices';
import { ROLES, type Role } from '../../../shared/api/roles';
import type { Db } from '../db/types';
import { newPairingCode, newSessionToken, normalizePairingCode, secretHash } from './pairing-code';
import { cachedStatement } from '../db/statements';

/** A pairing code is good for one tablet, within this long. */
export const PAIRING_CODE_TTL_MS = 10 * 60_000;
/** last_seen_at is written at most this often per session (it is shown, not relied on). */
const SEEN_RESOLUTION_MS = 60_000;

/** What a kiosk-locked browser goes back to: this machine's organizer (no session), or a role. */
export type KioskReturn = 'loopback' | Role;

export interface DeviceSession {
  id: string;
  role: Role;
  label: string;
  kioskReturn: KioskReturn | null;
}

/** A new session: its id, and the token the browser keeps in its cookie (shown once, stored hashed). */
export interface IssuedSession {
  session: DeviceSession;
  token: string;
}

interface SessionRow {
  id: string;
  role: string;
  label: string;
  kiosk_return: string | null;
  created_at: string;
  last_seen_at: string;
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

function isKioskReturn(value: string | null): value is KioskReturn {
  return value === 'loopback' || (value !== null && isRole(value));
}

/**
 * The station's device sessions and one-time pairing codes, in the station's own database. A
 * session is a random token in an HttpOnly cookie; only its hash is stored, and revoking marks the
 * row so that the cookie never opens a session again.
 */
export class DeviceSessions {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  issue(role: Role, label: string, kioskReturn: KioskReturn | null = null): IssuedSession {
    const token = newSessionToken();
    const id = randomBytes(8).toString('hex');
    const at = this.iso();
    this.db
      .prepare('INSERT INTO device_sessions (id, token_hash, role, label, kiosk_return, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, secretHash(token), role, label, kioskReturn, at, at);
    return { session: { id, role, label, kioskReturn }, token };
  }

  /** The live session a cookie's token opens, or null (unknown, revoked, or of a role no longer known). */
  resolve(token: string): DeviceSession | null {
    const row = cachedStatement(this.db, 'SELECT id, role, label, kiosk_return, created_at, last_seen_at FROM device_sessions WHERE token_hash = ? AND revoked_at IS NULL')
      .get(secretHash(token)) as SessionRow | undefined;
    if (!row || !isRole(row.role)) return null;
    if (this.now() - Date.parse(row.last_seen_at) > SEEN_RESOLUTION_MS) {
      cachedStatement(this.db, 'UPDATE device_sessions SET last_seen_at = ? WHERE id = ?').run(this.iso(), row.id);
    }
    return { id: row.id, role: row.role, label: row.label, kioskReturn: isKioskReturn(row.kiosk_return) ? row.kiosk_return : null };
  }

  revoke(id: string): boolean {
    return this.db.prepare('UPDATE device_sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(this.iso(), id).changes > 0;
  }

  list(currentId: string | null): DeviceSessionInfo[] {
    const rows = this.db
      .prepare('SELECT id, role, label, kiosk_return, created_at, last_seen_at FROM device_sessions WHERE revoked_at IS NULL ORDER BY created_at, id')
      .all() as SessionRow[];
    return rows.flatMap((row) =>
      isRole(row.role)
        ? [{ id: row.id, role: row.role, label: row.label, createdAt: row.created_at, lastSeenAt: row.last_seen_at, current: row.id === currentId }]
        : [],
    );
  }

  /** A one-time code for one tablet of `role`. */
  createPairing(role: PairableRole, label: string): { code: string; expiresAt: string } {
    const code = newPairingCode();
    const expiresAt = new Date(this.now() + PAIRING_CODE_TTL_MS).toISOString();
    this.db.prepare('INSERT INTO device_pairings (code_hash, role, label, expires_at) VALUES (?, ?, ?, ?)').run(
      secretHash(normalizePairingCode(code)),
      role,
      label,
      expiresAt,
    );
    return { code, expiresAt };
  }

  /** Spends a pairing code: a new session of its role, or null when the code is unknown, used or expired. */
  redeem(typed: string): IssuedSession | null {
    return this.db
      .transaction((): IssuedSession | null => {
        const hash = secretHash(normalizePairingCode(typed));
        const row = this.db.prepare('SELECT role, label, expires_at FROM device_pairings WHERE code_hash = ? AND used_at IS NULL').get(hash) as
          | { role: string; label: string; expires_at: string }
          | undefined;
        if (!row || !isRole(row.role) || Date.parse(row.expires_at) <= this.now()) return null;
        this.db.prepare('UPDATE device_pairings SET used_at = ? WHERE code_hash = ?').run(this.iso(), hash);
        return this.issue(row.role, row.label);
      })
      .immediate();
  }
}
