import type { Migration } from './migration';

/**
 * Devices paired with this station (issue 10): a session per browser, holding one role, known by
 * the hash of its cookie's token only; one-time pairing codes, also hashed. Station-local, never
 * synced: a tablet is paired with the station it talks to. `kiosk_return` marks a browser locked
 * into kiosk mode and says what it goes back to with the staff PIN ('loopback' = this machine's
 * organizer, else a role). The organizer and staff PINs are
 * slow hashes in `meta` (access/pin-store.ts).
 */
export const migration005: Migration = {
  version: 5,
  name: 'device sessions and pairing codes',
  sql: `
    CREATE TABLE device_sessions (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      role TEXT NOT NULL,
      label TEXT NOT NULL,
      kiosk_return TEXT,
      created_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      revoked_at TEXT
    );
    CREATE TABLE device_pairings (
      code_hash TEXT PRIMARY KEY,
      role TEXT NOT NULL,
      label TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      used_at TEXT
    );
  `,
};
