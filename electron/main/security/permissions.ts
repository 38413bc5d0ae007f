import type { Role } from '../../../shared/api/roles';
import { isAppUrl } from './app-origin';

/** The windows that scan ticket QR codes with a camera: the staff desk and the kiosk. */
const SCANNING_ROLES: readonly Role[] = ['desk', 'kiosk'];

export interface PermissionAsk {
  /** Electron's permission name, e.g. "media", "notifications", "geolocation". */
  permission: string;
  /** The asking frame's origin or URL. */
  origin: string;
  /** For "media": what is asked for ("video", "audio"). */
  mediaTypes?: readonly string[];
}

/**
 * Every permission is refused, except the camera (video only, no microphone) for a window whose
 * role scans, asked by the app's own page. The role is the window's, set by main, never the page's.
 */
export function isPermissionAllowed(role: Role | undefined, ask: PermissionAsk): boolean {
  if (!role || !SCANNING_ROLES.includes(role)) return false;
  let origin: URL;
  try {
    origin = new URL(ask.origin);
  } catch {
    return false;
  }
  if (!isAppUrl(origin)) return false;
  if (ask.permission !== 'media') return false;
  // A permission *check* (enumerateDevices) carries no media types; a request must ask for video only.
  const types = ask.mediaTypes ?? [];
  return types.every((type) => type === 'video');
}
