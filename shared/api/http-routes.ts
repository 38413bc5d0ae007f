import type { MethodName } from './contract';

/**
 * Every HTTP path of the station, in one place: the server registers these routes, and the
 * renderer's transport and the tests build their URLs with the same functions.
 */
export const API_PREFIX = '/api/';

/** `POST /api/<method>` for each contract method. */
export function apiPath(name: MethodName): string {
  return `${API_PREFIX}${name}`;
}

/** Server-sent events (`changed`) for the page. */
export const EVENTS_PATH = '/api/events';

/**
 * Getting a session before the browser has a role, so outside the contract (whose methods all
 * need one): redeeming a device pairing code, logging in with the organizer PIN, logging out.
 */
export const SESSION_PATHS = {
  pair: '/session/pair',
  login: '/session/login',
  logout: '/session/logout',
} as const;

/** The page a paired tablet opens: `/pair#code=…` (the code stays in the fragment, never sent in a URL). */
export const PAIR_PAGE_PATH = '/pair';

/** Relative form for `new URL(path, base)` against a station URL ending in "/". */
export function relative(path: string): string {
  return path.replace(/^\//, '');
}
