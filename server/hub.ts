import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { eventIdForKey } from '../shared/sync/event-id';
import { hubApp } from './http/hub-app';
import { guardedListener, hardenServer } from './http/request-guard';
import { startRelay, type Relay } from './relay';
import { openHubStore } from './store/open';
import type { HubStore } from './store/types';

export interface HubOptions {
  /** Folder of the embedded SQLite store (used when no `database` is given). */
  dataDir?: string;
  /** A PostgreSQL URL (postgres://…): several hub processes may share it. */
  database?: string;
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

/** Starts the sync hub: protocol v1 over HTTP on its store, optionally relaying upstream. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const eventIds = await Promise.all(options.keys.map((key) => eventIdForKey(key)));
  const keys = new Map(eventIds.map((id, i) => [id, options.keys[i] ?? '']));
  const store = await openHubStore(options);

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

  const app = hubApp({ keys, store, onStored: () => relay?.nudge() });
  const server = http.createServer(guardedListener(getRequestListener(app.fetch)));
  const sockets = hardenServer(server);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 4781, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    relay?.stop();
    await store.close();
    throw error;
  }
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
        server.close(() => void store.close().then(done, done));
      }),
  };
}
