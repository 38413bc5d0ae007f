import { APP_INDEX_PATH, isAppUrl } from './app-origin';

/**
 * Which URLs a Musubi window may show and which frames may call the API. Parsed with `new URL`,
 * never matched as strings, so `https://evil.example/?next=app://musubi`, `app://musubi.evil/`,
 * `app://user@musubi/` and the like do not pass. Only the app's index page (any hash: the screens
 * are hash routes) is trusted; the dev server's origin too, but only when one is configured, which
 * a packaged build never does (dev-server.ts).
 */
export function isTrustedAppUrl(raw: string | undefined, devServerUrl?: string): boolean {
  if (!raw || /[\0\\]/.test(raw)) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (devServerUrl && !url.username && !url.password && url.origin === new URL(devServerUrl).origin) return true;
  // new URL has already resolved dot segments (also %2e%2e) here, so the path is final.
  return isAppUrl(url) && (url.pathname === APP_INDEX_PATH || url.pathname === '/') && url.search === '';
}

/**
 * A navigation a page starts (a link, a form, `location = …`) is allowed only to the app's own
 * index page; everything else is cancelled. Links out are not opened in a browser either: a kiosk
 * must never hand an attendee a browser.
 */
export function mayNavigate(raw: string, devServerUrl?: string): boolean {
  return isTrustedAppUrl(raw, devServerUrl);
}
