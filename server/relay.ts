import { backoffDelay } from '../shared/sync/backoff';
import { HubClient } from '../shared/sync/hub-client';
import { MAX_BATCH } from '../shared/sync/protocol';
import type { HubStore } from './store/types';

/**
 * A hub on a venue laptop relays its event to an upstream hub (the cloud) whenever that is
 * reachable: it pushes what the upstream has not acknowledged and pulls what the upstream has,
 * with the same protocol and the same backoff as a station. Entries pulled from upstream are
 * marked so they are never pushed back.
 */
export interface RelayOptions {
  store: HubStore;
  eventId: string;
  upstreamUrl: string;
  upstreamKey: string;
  upstreamEventId: string;
  pollMs?: number;
  random?: () => number;
}

export interface Relay {
  nudge(): void;
  stop(): void;
}

export function startRelay(options: RelayOptions): Relay {
  const { store, eventId } = options;
  const client = new HubClient({ hubUrl: options.upstreamUrl, key: options.upstreamKey, eventId: options.upstreamEventId, station: `hub:${eventId}` });
  const pushedKey = `relay.pushed.${eventId}`;
  const cursorKey = `relay.cursor.${eventId}`;
  const storeKey = `relay.store.${eventId}`;
  const pollMs = options.pollMs ?? 2000;
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  async function once(): Promise<void> {
    for (;;) {
      const pushed = Number((await store.getMeta(pushedKey)) ?? 0);
      const own = await store.readOwn(eventId, pushed, 1000);
      if (own.entries.length === 0) break;
      await client.push(own.entries);
      await store.setMeta(pushedKey, String(own.lastSeq));
    }
    for (;;) {
      const cursor = Number((await store.getMeta(cursorKey)) ?? 0);
      const page = await client.pull(cursor, MAX_BATCH);
      const known = await store.getMeta(storeKey);
      if (page.cursor < cursor || (page.hub !== undefined && known !== undefined && page.hub !== known)) {
        // A new or restored upstream store: start over with it (pushes and pulls are idempotent).
        await store.transaction(async (tx) => {
          await tx.setMeta(pushedKey, '0');
          await tx.setMeta(cursorKey, '0');
          if (page.hub !== undefined) await tx.setMeta(storeKey, page.hub);
        });
        return once();
      }
      if (page.hub !== undefined && known === undefined) await store.setMeta(storeKey, page.hub);
      await store.transaction(async (tx) => {
        await tx.add(eventId, page.entries, true);
        await tx.setMeta(cursorKey, String(page.cursor));
      });
      if (!page.more) break;
    }
  }

  function schedule(ms: number): void {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  }

  function run(): void {
    if (running) {
      again = true;
      return;
    }
    running = true;
    once().then(
      () => {
        if (failures > 0) console.log('[hub] upstream reachable again');
        failures = 0;
      },
      (error: Error) => {
        if (failures === 0) console.log(`[hub] upstream not reachable: ${error.message}`);
        failures++;
      },
    ).finally(() => {
      running = false;
      const retry = failures > 0 ? backoffDelay(failures, { baseMs: 500, maxMs: 30_000, random: options.random ?? Math.random }) : pollMs;
      schedule(again ? 0 : retry);
      again = false;
    });
  }

  schedule(0);
  return {
    nudge: () => {
      if (failures === 0) schedule(50);
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
