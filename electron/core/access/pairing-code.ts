import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L, U). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 8;

/** A one-time pairing code, "7KQ2-MX9D": 8 symbols of 30 (39 bits), short enough to type on a tablet. */
export function newPairingCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What was typed or scanned, as the code it means: case, spaces and dashes do not matter. */
export function normalizePairingCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

/** A session's secret token: 32 random bytes, base64url (the cookie's value). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Codes and tokens are stored as this hash only, so a copy of the database opens no session. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
