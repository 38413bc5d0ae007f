import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type Result } from '../../shared/api/result';
import { dispatch } from '../core/service/dispatch';
import type { MusubiService } from '../core/service/service';
import { serveStatic } from './static-files';

/** Largest API request body; anything bigger is refused with 413 before it is parsed. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Content-Security-Policy for the served renderer: only our own scripts, no inline code; blob: frames for the badge PDF preview. */
const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-src blob:; frame-ancestors 'none'";

export interface StationOptions {
  service: MusubiService;
  /** Folder with the built renderer (index.html). */
  staticDir: string;
  host?: string;
  port?: number;
}

export interface RunningStation {
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown> | object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new Error('too-large'));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit keep draining (so the 413 reaches the client) but stop keeping bytes.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new Error('too-large')) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * A page on another site must not be able to drive the API from an attendee's browser (CSRF):
 * a request that names an Origin must come from this station's own origin.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

async function handleApiCall(service: MusubiService, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let text: string;
  try {
    text = await readBody(req);
  } catch {
    sendJson(res, 413, fail({ code: 'invalid-input', message: `The request is larger than ${MAX_BODY_BYTES} bytes.` }));
    return;
  }
  let input: unknown;
  try {
    input = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    sendJson(res, 400, fail({ code: 'invalid-input', message: 'The request body is not JSON.' }));
    return;
  }
  // Every browser is the organizer until the station's sessions give each device its own role.
  const result = await dispatch(service.api, method, input, { role: 'organizer', station: 'local' });
  const status = result.ok ? 200 : result.error.code === 'unknown-method' ? 404 : 200;
  sendJson(res, status, result);
}

/** Pushes `changed` to the page as server-sent events (the HTTP twin of main's IPC push). */
function handleEvents(service: MusubiService, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  const unsubscribe = service.changes.subscribe((event) => res.write(`event: changed\ndata: ${JSON.stringify(event)}\n\n`));
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(keepAlive);
    unsubscribe();
  });
}

/**
 * The station host: the same API as the Electron IPC bridge, as `POST /api/<method>`, plus the built
 * renderer, for browsers and tablets. Binds loopback unless told otherwise.
 */
export function startStation(options: StationOptions): Promise<RunningStation> {
  const { service, staticDir } = options;
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('content-security-policy', CSP);
    const url = new URL(req.url ?? '/', 'http://station.invalid');
    const apiMatch = /^\/api\/([A-Za-z]+)$/.exec(url.pathname);
    if (url.pathname === '/api/events' && req.method === 'GET') {
      handleEvents(service, req, res);
    } else if (apiMatch?.[1] && apiMatch[1] !== 'events') {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
      } else if (!sameOrigin(req)) {
        sendJson(res, 403, fail({ code: 'unauthorized', message: 'Requests from other sites are refused.' }));
      } else {
        void handleApiCall(service, apiMatch[1], req, res);
      }
    } else if (url.pathname.startsWith('/api/')) {
      sendJson(res, 404, fail({ code: 'unknown-method', message: 'No such API path.' }));
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      serveStatic(staticDir, url.pathname, res);
    } else {
      res.writeHead(405).end();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4780, options.host ?? '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: `http://${host}:${address.port}/`,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
