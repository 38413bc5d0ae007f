import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Framework-independent defences of a Musubi HTTP server (hub or station): whatever a client
 * sends, the process stays up and the client gets a 4xx. Kept apart from the routes so every
 * server shares one copy.
 */

/** Why a request target cannot be served, or undefined when it can. */
export function requestTargetProblem(target: string | undefined): string | undefined {
  if (!target || target.charCodeAt(0) !== 47 /* "/" */ || target.startsWith('//')) {
    return 'The request target must be a path starting with a single "/".';
  }
  const path = target.split('?', 1)[0] ?? '';
  try {
    decodeURIComponent(path);
  } catch {
    return 'The request path has malformed percent-encoding.';
  }
  return undefined;
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', connection: 'close' });
  res.end(JSON.stringify({ error: { code, message } }));
}

/**
 * Wraps a node request listener: malformed targets are answered 400 before the framework sees
 * them, and a listener that throws or rejects answers 500 instead of taking the process down.
 */
export function guardedListener(
  listener: (req: IncomingMessage, res: ServerResponse) => unknown,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const problem = requestTargetProblem(req.url);
    if (problem) {
      req.resume();
      refuse(res, 400, 'invalid-input', problem);
      return;
    }
    Promise.resolve()
      .then(() => listener(req, res))
      .catch((error: unknown) => {
        console.error(`[http] request failed: ${(error as Error).name}`);
        refuse(res, 500, 'internal', 'The request could not be handled.');
      });
  };
}

/**
 * Limits that keep slow or garbled clients from holding the server: headers and the whole
 * request must arrive in time, a request line node cannot parse is answered 400 (431 for huge
 * headers) and its socket closed; a socket error never reaches the process as an exception.
 * Returns the set of open sockets so `close()` can end keep-alive connections at once.
 */
export function hardenServer(server: Server, limits: { headersTimeoutMs?: number; requestTimeoutMs?: number } = {}): Set<Socket> {
  server.headersTimeout = limits.headersTimeoutMs ?? 10_000;
  server.requestTimeout = limits.requestTimeoutMs ?? 60_000;
  server.maxHeadersCount = 200;
  // Longer than the clients' keep-alive, so a client rarely reuses a connection being closed.
  server.keepAliveTimeout = 30_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    socket.end(`HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

/**
 * The client sent a body that ended early or could not be parsed as HTTP (cut connection, bad
 * chunk): its fault, answered 400 and not logged as the server's failure.
 */
export function isBrokenBody(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    error.message === 'aborted' ||
    error.message === 'terminated' ||
    code === 'ECONNRESET' ||
    code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    (typeof code === 'string' && code.startsWith('HPE_'))
  );
}
