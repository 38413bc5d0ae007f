import net from 'node:net';

/**
 * A TCP proxy that misbehaves on purpose, between stations and the hub. Each request gets one
 * fault, drawn from a seeded generator in the order the requests arrive, so a seed gives the same
 * run every time: the proxy asks the hub to close every connection after its answer
 * (`Connection: close`), so one connection carries one request and the faults follow the request
 * count, never timing (how long a kept-alive connection happened to stay open).
 * - drop:      the connection is cut before the request reaches the hub;
 * - lose:      the request reaches the hub but the answer is cut off (the hub stored it, the
 *              station does not know);
 * - truncate:  the answer is cut after a few bytes;
 * - delay:     every chunk is held back a little, both ways;
 * - duplicate: every byte the station sends is sent to the hub a second time on another
 *              connection (a duplicated request), whose answer is thrown away;
 * - pass:      nothing.
 */
export type Fault = 'drop' | 'lose' | 'truncate' | 'delay' | 'duplicate' | 'pass';

export interface FaultProxyOptions {
  targetPort: number;
  seed: number;
  /** Relative weights; faults left out never happen. */
  weights?: Partial<Record<Fault, number>>;
  maxDelayMs?: number;
}

export interface FaultProxy {
  url: string;
  counts: Record<Fault, number>;
  close(): Promise<void>;
}

/** mulberry32: a tiny seeded generator, good enough to pick faults reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEFAULT_WEIGHTS: Record<Fault, number> = { drop: 1, lose: 1, truncate: 1, delay: 1, duplicate: 1, pass: 2 };

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const counts: Record<Fault, number> = { drop: 0, lose: 0, truncate: 0, delay: 0, duplicate: 0, pass: 0 };
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket): net.Socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    return socket;
  };

  function pick(): Fault {
    let roll = random() * total;
    for (const [fault, weight] of Object.entries(weights) as [Fault, number][]) {
      roll -= weight;
      if (roll < 0) return fault;
    }
    return 'pass';
  }

  const server = net.createServer((client) => {
    track(client);
    const fault = pick();
    counts[fault]++;
    if (fault === 'drop') {
      client.destroy();
      return;
    }
    const hub = track(net.connect(options.targetPort, '127.0.0.1'));
    const shadow = fault === 'duplicate' ? track(net.connect(options.targetPort, '127.0.0.1')) : undefined;
    shadow?.resume();
    const delay = fault === 'delay' ? Math.floor(random() * (options.maxDelayMs ?? 80)) : 0;
    let budget = fault === 'truncate' ? 1 + Math.floor(random() * 120) : fault === 'lose' ? 0 : Number.POSITIVE_INFINITY;

    const later = (fn: () => void): void => {
      if (delay > 0) setTimeout(fn, delay);
      else fn();
    };
    const forward = (chunk: Buffer): void =>
      later(() => {
        if (!hub.destroyed) hub.write(chunk);
        if (shadow && !shadow.destroyed) shadow.write(chunk);
      });
    // The request's head is held until complete, then sent with `Connection: close` in place of
    // whatever the station asked for; the rest of the connection passes through as it comes.
    let head: Buffer | undefined = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      if (head === undefined) return forward(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const lines = head.subarray(0, end).toString('latin1').split('\r\n').filter((line) => !/^connection:/i.test(line));
      forward(Buffer.concat([Buffer.from(`${[...lines, 'Connection: close'].join('\r\n')}\r\n\r\n`, 'latin1'), head.subarray(end + 4)]));
      head = undefined;
    });
    hub.on('data', (chunk: Buffer) =>
      later(() => {
        if (client.destroyed) return;
        if (chunk.length <= budget) {
          budget -= chunk.length;
          client.write(chunk);
          return;
        }
        // Cut the answer: what fits in the budget, then the connection goes.
        if (budget > 0) client.write(chunk.subarray(0, budget));
        budget = 0;
        client.destroy();
        hub.destroy();
      }),
    );
    client.on('close', () => {
      later(() => {
        hub.destroy();
        shadow?.end();
      });
    });
    // The hub closes after its answer (Connection: close); so does the station's side then.
    hub.on('close', () => later(() => client.end()));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
