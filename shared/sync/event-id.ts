/**
 * A key names its event (docs/sync-protocol.md "Endpoints"): the event id in the hub's paths is derived from the event
 * key, so a new, empty station needs only the hub URL and the key to join. The id is a one-way
 * hash, so it can appear in URLs and logs without revealing the key.
 */
export async function eventIdForKey(key: string): Promise<string> {
  const bytes = new TextEncoder().encode(`musubi-event-v1:${key}`);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  let hex = '';
  for (const byte of digest.slice(0, 12)) hex += byte.toString(16).padStart(2, '0');
  return `ev-${hex}`;
}

/** Keys are secrets typed or pasted by people: long enough to be unguessable, no spaces. */
export const KEY_PATTERN = /^[A-Za-z0-9_.~-]{16,200}$/;

export function isValidEventKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}
