import type { MethodName } from '../../shared/api/contract';
import { apiPath, relative } from '../../shared/api/http-routes';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { appendEntries, readEntries } from '../../electron/core/log/append';
import type { Attendee } from '../../shared/domain/attendee';
import type { Entry } from '../../shared/domain/entry';
import { foldEntries } from '../../shared/domain/fold';
import { formatHlc } from '../../shared/domain/hlc';
import { eventIdForKey } from '../../shared/sync/event-id';
import { HubClient } from '../../shared/sync/hub-client';
import { projectionOf } from '../helpers/entries';
import { runMusubi, startMusubi, startStationProcess, type RunningProcess } from '../helpers/processes';
import { tempDir } from '../helpers/temp';

/**
 * Real processes on loopback: `musubi hub`, `musubi station` ×3 and `musubi sync`, talking protocol
 * v1 over TCP. Waits are bounded polls (the sync loop is asynchronous); nothing asserts timings.
 */
const KEY = 'process-test-key-0123456789';
const running: RunningProcess[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.stop('SIGKILL');
});

async function startHubProcess(dataDir: string, port = 0): Promise<RunningProcess & { url: string }> {
  const hub = await startMusubi(['hub', '--data', dataDir, '--port', String(port), '--key', KEY], /ready: (http:\/\/\S+)/);
  running.push(hub);
  return { ...hub, url: hub.match[1] ?? '' };
}

async function startStation(dir: string, name: string): Promise<RunningProcess & { url: string }> {
  const station = await startStationProcess(path.join(dir, `${name}.db`), ['--station', name]);
  running.push(station);
  return station;
}

async function call<T>(station: { url: string }, method: MethodName, input: unknown = {}): Promise<T> {
  const response = await fetch(new URL(relative(apiPath(method)), station.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

async function until(what: string, check: () => Promise<boolean>, deadlineMs = 60_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting until ${what}`);
}

interface Status {
  checkedIn: number;
  walkIns: number;
  conflicts: number;
  expected: number;
}
interface SyncState {
  online: boolean | null;
  waiting: number;
}

describe('sync between real processes', () => {
  it('three stations keep checking in while the hub is down, then all converge with the double check-in flagged everywhere', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const hubDir = path.join(dir, 'hub');
    let hub = await startHubProcess(hubDir);
    const port = Number(new URL(hub.url).port);
    const stations = [await startStation(dir, 'Door A'), await startStation(dir, 'Door B'), await startStation(dir, 'Door C')];
    const [a, b, c] = stations as [(typeof stations)[0], (typeof stations)[0], (typeof stations)[0]];

    const guests: Attendee[] = [];
    for (let i = 0; i < 6; i++) guests.push(await call<Attendee>(a, 'addAttendee', { name: `来場者 ${i}`, ticketCode: `P-${i}` }));
    for (const s of stations) await call(s, 'pairStation', { hubUrl: hub.url, key: KEY });
    await until('every station has the roster', async () =>
      (await Promise.all(stations.map((s) => call<Status>(s, 'getStatus')))).every((st) => st.expected === 6),
    );

    await hub.stop('SIGTERM');
    const g = (i: number): string => guests[i]?.id ?? '';
    await call(a, 'checkIn', { attendeeId: g(0) });
    await call(a, 'checkIn', { attendeeId: g(1) });
    await call(b, 'checkIn', { attendeeId: g(2) });
    await call(b, 'checkIn', { attendeeId: g(3) });
    await call(c, 'checkIn', { attendeeId: g(4) });
    await call(c, 'checkIn', { attendeeId: g(0) }); // the same person at a second door, offline
    await call(c, 'registerWalkIn', { name: '飛び入り 様' });
    await until('every station knows it is offline', async () =>
      (await Promise.all(stations.map((s) => call<SyncState>(s, 'getSyncStatus')))).every((st) => st.online === false && st.waiting > 0),
    );

    hub = await startHubProcess(hubDir, port);
    await until('all stations converge', async () => {
      const all = await Promise.all(stations.map(async (s) => ({ ...(await call<Status>(s, 'getStatus')), ...(await call<SyncState>(s, 'getSyncStatus')) })));
      // Five registered guests in (one of them twice) and the walk-in, counted on its own.
      return all.every((st) => st.checkedIn === 5 && st.walkIns === 1 && st.conflicts === 1 && st.waiting === 0);
    });
    for (const s of stations) {
      const first = await call<Attendee>(s, 'getAttendee', { id: g(0) });
      expect(first.checkedIn?.station).toBe('Door A');
      expect(first.conflicts.map((x) => x.station)).toEqual(['Door C']);
      expect(await call<unknown[]>(s, 'listConflicts')).toHaveLength(1);
    }
    const seen = await call<{ station: string }[]>(a, 'listHubStations');
    expect(seen.map((x) => x.station).sort()).toEqual(['Door A', 'Door B', 'Door C']);

    // A new, empty station needs only the URL and the key.
    const fresh = path.join(dir, 'fresh.db');
    const joined = await runMusubi(['sync', '--db', fresh, '--hub', hub.url, '--key', KEY, '--once']);
    expect(joined.code).toBe(0);
    const db = openDatabase(fresh);
    const entries = readEntries(db);
    expect(projectionOf(db, guests.map((x) => x.id))).toEqual(
      (() => {
        const fold = foldEntries(entries);
        return { settings: fold.settings, attendees: new Map(guests.map((x) => [x.id, fold.attendees.get(x.id)] as const)) };
      })(),
    );
    expect(projectionOf(db, [g(0)]).attendees.get(g(0))?.conflicts).toHaveLength(1);
    db.close();
  });

  it('a station killed (SIGKILL) in the middle of pulling or pushing loses nothing and resumes', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const hub = await startHubProcess(path.join(dir, 'hub'));
    const client = new HubClient({ hubUrl: hub.url, key: KEY, eventId: await eventIdForKey(KEY) });
    const make = (n: number, node: string): Entry => ({
      id: `01900000-0000-7000-a${node === 'hub' ? '000' : '001'}-${n.toString(16).padStart(12, '0')}`,
      station: node,
      hlc: formatHlc({ ms: Date.now() - 60_000, counter: n, node }),
      type: 'attendee.upsert',
      attendeeId: `01900000-0000-7000-b${node === 'hub' ? '000' : '001'}-${n.toString(16).padStart(12, '0')}`,
      data: { fields: { name: `n${n}`, ticketCode: `K-${node}-${n}` } },
    });
    const onHub = Array.from({ length: 16_000 }, (_, i) => make(i + 1, 'hub'));
    for (let i = 0; i < onHub.length; i += 5000) await client.push(onHub.slice(i, i + 5000));

    // Pulling: killed after the first applied batch.
    const pulling = path.join(dir, 'pulling.db');
    const first = await startMusubi(['sync', '--db', pulling, '--hub', hub.url, '--key', KEY], /pulled \d+/);
    first.child.kill('SIGKILL');
    await first.stop('SIGKILL');
    const partial = openDatabase(pulling);
    const kept = readEntries(partial).length;
    partial.close();
    expect(kept).toBeGreaterThan(0);
    const resumed = await runMusubi(['sync', '--db', pulling, '--hub', hub.url, '--key', KEY, '--once']);
    expect(resumed.code).toBe(0);
    const pulled = openDatabase(pulling);
    const ids = readEntries(pulled).map((e) => e.id);
    expect(ids.length).toBe(onHub.length);
    expect(new Set(ids)).toEqual(new Set(onHub.map((e) => e.id)));
    pulled.close();

    // Pushing: a station with many local entries, killed after the first acknowledged batch.
    const pushing = path.join(dir, 'pushing.db');
    const local = Array.from({ length: 8_000 }, (_, i) => make(i + 1, 'local'));
    const db = openDatabase(pushing);
    for (let i = 0; i < local.length; i += 5000) appendEntries(db, local.slice(i, i + 5000));
    db.close();
    const second = await startMusubi(['sync', '--db', pushing, '--hub', hub.url, '--key', KEY], /pushed \d+/);
    second.child.kill('SIGKILL');
    await second.stop('SIGKILL');
    const again = await runMusubi(['sync', '--db', pushing, '--hub', hub.url, '--key', KEY, '--once']);
    expect(again.code).toBe(0);
    let cursor = 0;
    const onHubNow = new Set<string>();
    for (let page = 0; page < 100; page++) {
      const batch = await client.pull(cursor, 5000);
      for (const e of batch.entries) {
        expect(onHubNow.has(e.id)).toBe(false);
        onHubNow.add(e.id);
      }
      cursor = batch.cursor;
      if (!batch.more) break;
    }
    expect(onHubNow.size).toBe(onHub.length + local.length);
    const check = openDatabase(pushing);
    expect(readEntries(check).length).toBe(onHub.length + local.length);
    check.close();
  });
});
