import type { Role } from '../../../shared/api/roles';

/**
 * Where the app's own pages live: `app://musubi/…`, served by main from the built renderer
 * (app-protocol.ts). A standard, secure custom scheme gives the page a real origin of its own, so
 * `'self'` in the Content-Security-Policy means exactly our files, and no file:// page on the
 * disk shares it.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'musubi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_PATH = '/index.html';

/**
 * Whether a parsed URL is on app://musubi. Compared by parts, not by `url.origin`: Node's URL
 * parser does not know that Chromium treats app: as a standard scheme, so there the origin is
 * "null" and the host keeps its case (Chromium lowercases it). No user info, no port.
 */
export function isAppUrl(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.hostname.toLowerCase() === APP_HOST && url.port === '' && !url.username && !url.password;
}

/** The screen each window role opens on (the renderer routes by hash). */
const AREA_OF_ROLE: Record<Role, string> = { organizer: 'organizer', desk: 'staff', kiosk: 'kiosk', room: 'room' };

/**
 * Whether a window of `role` may show the screen in `url`'s hash: a kiosk only the kiosk, a room
 * screen only the room view, the staff desk only the desk; the organizer every screen. The page
 * switches screens by hash, which is no navigation main can cancel, so main puts a window that
 * strays back on its own screen (and its API calls would be refused by role anyway).
 */
export function isScreenAllowed(role: Role, url: string): boolean {
  if (role === 'organizer') return true;
  let hash: string;
  try {
    hash = new URL(url).hash;
  } catch {
    return false;
  }
  const screen = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return screen === AREA_OF_ROLE[role];
}

/** The URL a window of `role` loads, from the built files or, in development only, the dev server. */
export function startUrlFor(role: Role, devServerUrl?: string): string {
  const base = devServerUrl ? new URL('/', devServerUrl).href : `${APP_ORIGIN}${APP_INDEX_PATH}`;
  return `${base}#/${AREA_OF_ROLE[role]}`;
}
