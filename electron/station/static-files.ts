import fs from 'node:fs/promises';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

const NOT_BUILT = 'The Musubi screens are not built yet. Run "npm run build" in the Musubi folder, then reload.';

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

/** The file under `root` a URL path names, or null when the path is undecodable or leaves `root`. */
function fileInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return candidate === root || candidate.startsWith(root + path.sep) ? candidate : null;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built renderer. Paths are resolved inside `root` only (no `..` escape); unknown paths
 * fall back to index.html so that a reload on any screen works. Never throws: an undecodable path
 * is a 400, a file that cannot be read a 404 or 503.
 */
export async function serveStatic(root: string, urlPath: string, method: string): Promise<Response> {
  const absoluteRoot = path.resolve(root);
  const candidate = fileInside(absoluteRoot, urlPath);
  if (candidate === null) return text(400, 'The request path is not valid.');
  const file = (await isFile(candidate)) ? candidate : path.join(absoluteRoot, 'index.html');
  let body: Buffer;
  try {
    body = await fs.readFile(file);
  } catch {
    return file === candidate ? text(404, 'Not found.') : text(503, NOT_BUILT);
  }
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { 'content-type': type, 'cache-control': cache, 'content-length': String(body.length) },
  });
}
