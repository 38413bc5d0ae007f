import net from 'node:net';

/**
 * A TCP proxy that misbehaves on purpose, between stations and the hub. Each new connection gets
 * one fault, drawn from a seeded generator so a failing run can be replayed:
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
    client.on('data', (chunk) =>
      later(() => {
        if (!hub.destroyed) hub.write(chunk);
        if (shadow && !shadow.destroyed) shadow.write(chunk);
      }),
    );
    // Connections are closed soon after an answer, so keep-alive cannot carry one connection's
    // fate (often "pass") through a whole run: every few requests a new fault is drawn.
    let idle: NodeJS.Timeout | undefined;
    hub.on('data', (chunk: Buffer) =>
      later(() => {
        if (client.destroyed) return;
        if (chunk.length <= budget) {
          budget -= chunk.length;
          client.write(chunk);
          clearTimeout(idle);
          idle = setTimeout(() => client.destroy(), 20);
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
      clearTimeout(idle);
      later(() => {
        hub.destroy();
        shadow?.end();
      });
    });
    hub.on('close', () => later(() => client.destroy()));
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
