import net from 'node:net';

export interface RawAnswer {
  /** The status code of the first response line, or null when the connection closed without one. */
  status: number | null;
  head: string;
  /** Everything received (head and body), when `untilClose` was asked for. */
  received: string;
}

/**
 * Sends bytes exactly as given over a plain TCP socket (for requests no HTTP client would make:
 * malformed targets, broken headers, truncated or dribbled bodies) and reads the first response.
 * `parts` are written in order, `gapMs` apart; the answer is awaited at most `timeoutMs`.
 */
export function rawRequest(port: number, host: string, parts: (string | Buffer)[], options: { gapMs?: number; timeoutMs?: number; endAfter?: boolean; untilClose?: boolean } = {}): Promise<RawAnswer> {
  const { gapMs = 0, timeoutMs = 5000, endAfter = false, untilClose = false } = options;
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    let received = '';
    let settled = false;
    const finish = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      resolve({ status: match ? Number(match[1]) : null, head: received.split('\r\n\r\n')[0] ?? '', received });
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (!untilClose && received.includes('\r\n\r\n')) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.once('connect', () => {
      void (async () => {
        for (const part of parts) {
          if (socket.destroyed) return;
          socket.write(part);
          if (gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        }
        if (endAfter) socket.end();
      })();
    });
  });
}
