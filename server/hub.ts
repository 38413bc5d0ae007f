import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { eventIdForKey } from '../shared/sync/event-id';
import { openHubDatabase } from './db/schema';
import { handleHubRequest } from './http';
import { startRelay, type Relay } from './relay';
import { HubStore } from './store';

export interface HubOptions {
  dataDir: string;
  /** One key per event this hub serves; each key names its event. */
  keys: readonly string[];
  host?: string;
  port?: number;
  upstream?: { url: string; key: string; pollMs?: number };
}

export interface RunningHub {
  url: string;
  /** event id of each key, in the order given */
  eventIds: string[];
  store: HubStore;
  close(): Promise<void>;
}

/** Starts the sync hub: protocol v1 over HTTP on an embedded SQLite store, optionally relaying upstream. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const eventIds = await Promise.all(options.keys.map((key) => eventIdForKey(key)));
  const keys = new Map(eventIds.map((id, i) => [id, options.keys[i] ?? '']));
  const db = openHubDatabase(options.dataDir);
  const store = new HubStore(db);

  let relay: Relay | undefined;
  const firstEvent = eventIds[0];
  if (options.upstream && firstEvent) {
    relay = startRelay({
      store,
      eventId: firstEvent,
      upstreamUrl: options.upstream.url,
      upstreamKey: options.upstream.key,
      upstreamEventId: await eventIdForKey(options.upstream.key),
      pollMs: options.upstream.pollMs,
    });
  }

  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    void handleHubRequest({ keys, store, onStored: () => relay?.nudge() }, req, res);
  });
  // Longer than the stations' keep-alive, so a station rarely reuses a connection the hub is closing.
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4781, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    eventIds,
    store,
    close: () =>
      new Promise<void>((done) => {
        relay?.stop();
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          db.close();
          done();
        });
      }),
  };
}
