import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { DeviceCaller, SessionPort } from '../core/access/device-caller';
import type { DeviceSession } from '../core/access/device-sessions';
import type { StationAccess } from '../core/access/station-access';
import { isLoopbackAddress } from './http/host-check';

/** The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export const SESSION_COOKIE = 'musubi_session';
/** A paired tablet keeps its role across browser restarts for the length of an event season. */
const COOKIE_MAX_AGE_S = 30 * 24 * 3600;

export function holdSession(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: COOKIE_MAX_AGE_S });
}

export function dropSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export type CallerLookup =
  | { kind: 'caller'; caller: DeviceCaller }
  /** No cookie, on a station that requires pairing (or from another machine). */
  | { kind: 'none' }
  /** A cookie that opens no live session: revoked, or from another database. */
  | { kind: 'revoked' };

/**
 * Who is calling: the browser's session when its cookie opens one (a kiosk cookie thus overrides
 * the loopback organizer), else this machine's organizer when the station trusts loopback and the
 * request comes from it, else nobody.
 */
export function lookUpCaller(c: Context, access: StationAccess, trustLoopback: boolean): CallerLookup {
  const token = getCookie(c, SESSION_COOKIE);
  let current: DeviceSession | null = null;
  if (token) {
    current = access.sessions.resolve(token);
    if (!current) return { kind: 'revoked' };
  } else if (!trustLoopback || !isLoopbackAddress(getConnInfo(c).remote.address ?? '')) {
    return { kind: 'none' };
  }
  const device: SessionPort = {
    current,
    hold: (next) => holdSession(c, next),
    drop: () => dropSession(c),
  };
  return { kind: 'caller', caller: { role: current?.role ?? 'organizer', station: current?.id ?? 'loopback', device } };
}
