import path from 'node:path';
import { APP_INDEX_PATH, isAppUrl } from './app-origin';

/**
 * Maps an `app://musubi/<path>` request to a file inside the built renderer folder, or `undefined`
 * for anything else: another host, a path that leaves the folder (`..`, `%2e%2e`, `%2f`, `\`,
 * `%5c`), a null byte, a malformed escape. The decoded path is resolved and must still be inside
 * `root`, so no spelling of a traversal gets out, whatever the URL parser did or did not normalise.
 */
export function resolveAppPath(requestUrl: string, root: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (!isAppUrl(url)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname === '/' ? APP_INDEX_PATH : url.pathname);
  } catch {
    return undefined;
  }
  // Encoded separators and NULs have no business in our file names; refuse rather than interpret.
  if (/[\0\\]/.test(decoded) || decoded.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${decoded}`);
  const relative = path.relative(base, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return file;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** The Content-Type of a built file; unknown kinds are served as opaque bytes, never sniffed. */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
