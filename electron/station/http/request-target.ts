import type { IncomingMessage } from 'node:http';

/**
 * Why a request's target or Host header cannot be served, or null when it can. Checked before the
 * router sees the request, so that no later step has to expect an unparsable URL: a page on
 * another site can make a browser send any of these (`<img src="http://station/%ff">`).
 */
export function badRequestTarget(req: IncomingMessage): string | null {
  const target = req.url ?? '';
  const host = req.headers.host;
  if (!host || !isAuthority(host)) return 'The Host header is missing or malformed.';
  let path: string;
  if (target.startsWith('/')) {
    // "//x" would be read as a host by URL parsers; a path never starts that way here.
    if (target.startsWith('//')) return 'The request path starts with "//".';
    path = target;
  } else if (/^https?:\/\//i.test(target)) {
    // Absolute form (meant for proxies): accepted only when it names the same host as the Host header.
    const parsed = parseUrl(target);
    if (!parsed || parsed.host !== new URL(`http://${host}`).host) return 'The request target names another host.';
    path = parsed.pathname;
  } else {
    return 'The request target is not a path.';
  }
  if (hasControlOrBackslash(path)) return 'The request path holds a control character or a backslash.';
  const pathOnly = path.split('?')[0] ?? '';
  try {
    decodeURIComponent(pathOnly);
  } catch {
    return 'The request path is not valid percent-encoded UTF-8.';
  }
  return null;
}

function hasControlOrBackslash(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** "name", "name:port", "1.2.3.4:80", "[::1]:80": nothing else (no user info, path or spaces). */
function isAuthority(host: string): boolean {
  if (host.length > 255 || /[\s/\\@?#]/.test(host)) return false;
  const parsed = parseUrl(`http://${host}`);
  return parsed !== null && parsed.username === '' && parsed.pathname === '/';
}
