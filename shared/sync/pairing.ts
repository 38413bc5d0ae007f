import { MusubiError } from '../errors';
import { isValidEventKey } from './event-id';

/**
 * The pairing code the organizer's screen shows (as text and as a QR code): everything another
 * station needs to join the event. A URL-like text so it survives copy, paste and QR scanners:
 *   musubi:pair?hub=<hub URL>&key=<event key>
 * Several hub processes sharing one store repeat `hub=`; a station tries them in order. Older
 * stations read the first `hub=` only, so such a code still pairs them (with the first address).
 */
export interface PairingInfo {
  hubUrl: string;
  key: string;
  /** Further addresses of hub processes on the same store, tried in order when one fails. */
  fallbackHubUrls?: string[];
}

const PREFIX = 'musubi:pair?';

/** Written unencoded so people can read it: a hub URL has no query and keys hold no & = + or spaces. */
export function formatPairingCode(info: PairingInfo): string {
  const hubs = [info.hubUrl, ...(info.fallbackHubUrls ?? [])].map((url) => `hub=${url}`).join('&');
  return `${PREFIX}${hubs}&key=${info.key}`;
}

/**
 * One or more hub addresses as people type them (separated by spaces, commas or new lines): the
 * first, and the others to try after it. Duplicates are dropped.
 */
export function normalizeHubUrls(raw: string): { hubUrl: string; fallbackHubUrls: string[] } {
  const urls = [...new Set(raw.split(/[\s,]+/).filter(Boolean).map(normalizeHubUrl))];
  const [hubUrl, ...fallbackHubUrls] = urls;
  if (!hubUrl) throw new MusubiError('invalid-input', 'The hub address is missing (e.g. http://192.168.1.10:4781).', 'hubUrl');
  return { hubUrl, fallbackHubUrls };
}

/** A hub URL people may type: http(s), no credentials, no query. Trailing slashes are dropped. */
export function normalizeHubUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new MusubiError('invalid-input', 'The hub address is not a URL (e.g. http://192.168.1.10:4781).', 'hubUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new MusubiError('invalid-input', 'The hub address must start with http:// or https://.', 'hubUrl');
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new MusubiError('invalid-input', 'The hub address must not contain a user, query or fragment.', 'hubUrl');
  }
  return url.toString().replace(/\/+$/, '');
}

export function checkEventKey(key: string): string {
  const trimmed = key.trim();
  if (!isValidEventKey(trimmed)) {
    throw new MusubiError('invalid-input', 'The event key must be 16–200 letters, digits or - _ . ~ characters.', 'key');
  }
  return trimmed;
}

export function parsePairingCode(code: string): PairingInfo {
  const text = code.trim();
  if (!text.startsWith(PREFIX)) {
    throw new MusubiError('invalid-input', 'This is not a Musubi pairing code (it starts with "musubi:pair?").', 'code');
  }
  const params = new URLSearchParams(text.slice(PREFIX.length));
  const [hub, ...more] = params.getAll('hub').filter(Boolean);
  const key = params.get('key');
  if (!hub || !key) throw new MusubiError('invalid-input', 'The pairing code lacks the hub address or the key.', 'code');
  const info: PairingInfo = { hubUrl: normalizeHubUrl(hub), key: checkEventKey(key) };
  const fallbackHubUrls = [...new Set(more.map(normalizeHubUrl))].filter((url) => url !== info.hubUrl);
  return fallbackHubUrls.length > 0 ? { ...info, fallbackHubUrls } : info;
}
