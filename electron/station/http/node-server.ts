import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { badRequestTarget } from './request-target';

export interface ListeningServer {
  server: http.Server;
  address: AddressInfo;
  close(): Promise<void>;
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(text);
}

/**
 * Serves a Hono app with Node's HTTP server. A malformed target or Host is answered 400 before the
 * app sees it; a handler that throws is answered by the app's onError; whatever still escapes is
 * answered 500 here. Nothing a client sends ends the process.
 */
export function listen<E extends object>(app: Hono<E>, port: number, host: string): Promise<ListeningServer> {
  const handle = getRequestListener(app.fetch, { errorHandler: () => new Response('Bad request', { status: 400 }) });
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const problem = badRequestTarget(req);
    if (problem) {
      req.resume();
      plain(res, 400, problem);
      return;
    }
    handle(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'Something went wrong inside Musubi.');
      else res.destroy();
    });
  });
  // A body that never ends must not hold a connection for ever (Node's default is 5 minutes).
  server.headersTimeout = 20_000;
  server.requestTimeout = 10 * 60_000;
  // Requests the HTTP parser cannot read (bad syntax, too many or too large headers, a timeout).
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable || socket.writableEnded) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        server,
        address: server.address() as AddressInfo,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
