import { relative, SESSION_PATHS } from '../../../shared/api/http-routes';
import { fail, unwrap, type Result } from '../../../shared/api/result';
import { resultOf } from './http-transport';

async function post(path: string, body: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(new URL(relative(path), new URL('/', window.location.href)), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return await resultOf(response);
  } catch {
    return fail({ code: 'network', message: 'The station cannot be reached. Is it still running?' });
  }
}

/**
 * Getting a session from the station that served this page (outside the contract: the browser has
 * no role yet). The station sets the HttpOnly cookie; the page never sees the token.
 */
export const stationSession = {
  /** Redeems a one-time pairing code from the organizer's screen. Throws MusubiError when refused. */
  pair: async (code: string): Promise<void> => void unwrap(await post(SESSION_PATHS.pair, { code })),
  /** Logs this browser in as organizer with the organizer PIN. */
  login: async (pin: string): Promise<void> => void unwrap(await post(SESSION_PATHS.login, { pin })),
};

/** True inside a browser served by a station (the desktop app's windows get their role from the app). */
export function hasStationSessions(): boolean {
  return !window.musubi;
}
