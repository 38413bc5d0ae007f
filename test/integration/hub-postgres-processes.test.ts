import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../shared/domain/entry';
import { eventIdForKey } from '../../shared/sync/event-id';
import { HubClient } from '../../shared/sync/hub-client';
import { loadEntry, PullingReader } from '../helpers/hub-load';
import { createDatabase, freePort, startPostgresCluster, testDatabase, type PostgresCluster } from '../helpers/postgres';
import { runMusubi, startMusubi, type RunningProcess } from '../helpers/processes';

const KEY = 'pg-processes-key-0123456789';
const running: RunningProcess[] = [];
const clusters: PostgresCluster[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop('SIGKILL');
  for (const c of clusters.splice(0)) await c.destroy();
});

async function startHubs(database: string, count: number): Promise<{ urls: string[]; processes: RunningProcess[] }> {
  // Several processes starting at once on a busy 2-core machine: give them time.
  const started = await Promise.all(
    Array.from({ length: count }, () => startMusubi(['hub', '--database', database, '--key', KEY, '--port', '0'], /Musubi hub is ready: (http:\/\/\S+)/, 90_000)),
  );
  running.push(...started);
  return { urls: started.map((s) => s.match[1] ?? ''), processes: started };
}

/** Station i tries hub i first, then the others in turn (as its pairing code lists them). */
function stationClient(urls: string[], i: number, eventId: string): HubClient {
  const order = urls.map((_, k) => urls[(i + k) % urls.length] ?? '');
  return new HubClient({ hubUrl: order, key: KEY, eventId, station: `Door ${i}`, timeoutMs: 5000 });
}

/** Pushes until the hub (any of its processes) has taken it; a station retries just like this. */
async function pushUntilStored(client: HubClient, entries: readonly Entry[], deadline: number): Promise<void> {
  for (;;) {
    try {
      await client.push(entries);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function stations(count: number, batches: number, size: number, push: (i: number, b: number, entries: Entry[]) => Promise<void>): Promise<Set<string>> {
  const ids = new Set<string>();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      for (let b = 0; b < batches; b++) {
        const entries = Array.from({ length: size }, (_, k) => loadEntry(i * 1_000_000 + b * 1000 + k, `Door ${i}`));
        await push(i, b, entries);
        for (const e of entries) ids.add(e.id);
      }
    }),
  );
  return ids;
}

async function readUntil(readers: PullingReader[], ids: Set<string>, deadline: number): Promise<void> {
  for (const reader of readers) {
    while (!reader.has(ids) && Date.now() < deadline) {
      await reader.catchUp().catch(() => undefined);
      if (!reader.has(ids)) await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('several hub processes on one PostgreSQL database', { timeout: 150_000 }, () => {
  it('a hub whose database cannot be reached says so in one line and exits 1 (no password, no stack trace)', async () => {
    const url = `postgres://musubi:s3cret-pw@127.0.0.1:${await freePort()}/musubi_hub`;
    const result = await runMusubi(['hub', '--key', KEY, '--port', '0'], { MUSUBI_HUB_DATABASE: url });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(/^musubi: The hub database postgres:\/\/musubi@127\.0\.0\.1:\d+\/musubi_hub cannot be reached or opened \(ECONNREFUSED\)/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr + result.stdout).not.toContain('s3cret-pw');
  });

  it('many stations push to three hubs while readers pull: every reader ends with every entry exactly once', async () => {
    const { urls } = await startHubs(await testDatabase(), 3);
    const eventId = await eventIdForKey(KEY);
    const readers = [0, 1, 2].map((i) => new PullingReader(stationClient(urls, i, eventId)));
    let pushing = true;
    const pulling = readers.map(async (reader) => {
      while (pushing) await reader.catchUp(97);
    });
    const deadline = Date.now() + 60_000;
    const pushed = await stations(9, 15, 50, async (i, _b, entries) => {
      await pushUntilStored(stationClient(urls, i, eventId), entries, deadline);
    });
    pushing = false;
    await Promise.all(pulling);
    await readUntil(readers, pushed, deadline);
    for (const reader of readers) {
      expect(reader.duplicates).toBe(0);
      expect(reader.ids.length).toBe(pushed.size);
      expect(new Set(reader.ids)).toEqual(pushed);
    }
    // Each station is listed once, whichever process it reached.
    expect((await stationClient(urls, 0, eventId).stations()).map((s) => s.station).sort()).toEqual(
      Array.from({ length: 9 }, (_, i) => `Door ${i}`).sort(),
    );
  });

  it('one hub process killed (SIGKILL) in the middle of pushes: stations move on to another, 0 lost, 0 duplicated', async () => {
    const { urls, processes } = await startHubs(await testDatabase(), 3);
    const eventId = await eventIdForKey(KEY);
    const clients = Array.from({ length: 6 }, (_, i) => stationClient(urls, i, eventId));
    const deadline = Date.now() + 60_000;
    let killed = false;
    const pushed = await stations(6, 12, 100, async (i, b, entries) => {
      if (i === 0 && b === 4 && !killed) {
        killed = true;
        // Without waiting: pushes of the other stations are in flight on it right now.
        void processes[0]?.stop('SIGKILL');
      }
      await pushUntilStored(clients[i]!, entries, deadline);
    });
    expect(killed).toBe(true);
    expect(processes[0]?.child.signalCode).toBe('SIGKILL');
    // The stations that had hub 0 first now talk to another process.
    expect(clients[0]?.hubUrl).not.toBe(urls[0]);
    expect(clients[3]?.hubUrl).not.toBe(urls[0]);
    const readers = [1, 2].map((i) => new PullingReader(stationClient(urls, i, eventId)));
    await readUntil(readers, pushed, deadline);
    for (const reader of readers) {
      expect(reader.duplicates).toBe(0);
      expect(new Set(reader.ids)).toEqual(pushed);
      expect(reader.ids.length).toBe(pushed.size);
    }
  });

  it('PostgreSQL restarted under load: the hubs answer 503 meanwhile and recover without a restart', async () => {
    // Durable like a real server: an acknowledged push must survive the database going down hard.
    const cluster = await startPostgresCluster({ durable: true });
    clusters.push(cluster);
    const { urls, processes } = await startHubs(await createDatabase(cluster.url), 2);
    const eventId = await eventIdForKey(KEY);
    const deadline = Date.now() + 90_000;
    let restarted = false;
    const seenDuringOutage: number[] = [];
    const pushed = await stations(4, 14, 50, async (i, b, entries) => {
      if (i === 0 && b === 4 && !restarted) {
        restarted = true;
        await cluster.stop();
        for (const [k, url] of urls.entries()) {
          expect(processes[k]?.child.exitCode, processes[k]?.output()).toBeNull();
          seenDuringOutage.push((await fetch(`${url}/v1/health`)).status);
          const push = await fetch(`${url}/v1/events/${eventId}/entries`, {
            method: 'POST',
            headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
            body: JSON.stringify({ entries: [loadEntry(99_000_000)] }),
          });
          seenDuringOutage.push(push.status);
        }
        await cluster.start();
      }
      await pushUntilStored(stationClient(urls, i, eventId), entries, deadline);
    });
    pushed.add(loadEntry(99_000_000).id);
    expect(seenDuringOutage).toEqual([503, 503, 503, 503]);
    // Recovered without a restart: the same processes answer health 200 and serve everything.
    for (const p of processes) expect(p.child.exitCode, p.output()).toBeNull();
    for (const url of urls) expect((await fetch(`${url}/v1/health`)).status).toBe(200);
    const readers = urls.map((_, i) => new PullingReader(stationClient(urls, i, eventId)));
    // The entry pushed during the outage was refused (503), so push it now as its station would.
    await pushUntilStored(stationClient(urls, 0, eventId), [loadEntry(99_000_000)], deadline);
    await readUntil(readers, pushed, deadline);
    for (const reader of readers) {
      expect(reader.duplicates).toBe(0);
      expect(new Set(reader.ids)).toEqual(pushed);
    }
  });
});
