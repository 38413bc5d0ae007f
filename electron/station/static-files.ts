import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';

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

/**
 * Serves the built renderer. Paths are resolved inside `root` only (no `..` escape); unknown paths
 * fall back to index.html so that a reload on any screen works.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = path.resolve(root, `.${path.posix.normalize(decoded)}`);
  const inside = candidate === root || candidate.startsWith(root + path.sep);
  let file = inside && fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('The Musubi screens are not built yet. Run "npm run build" in the Musubi folder, then reload.');
    return;
  }
  file = path.resolve(file);
  const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
  const cache = file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  res.writeHead(200, { 'content-type': type, 'cache-control': cache });
  fs.createReadStream(file).pipe(res);
}
