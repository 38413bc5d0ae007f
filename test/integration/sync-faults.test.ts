import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readEntries } from '../../electron/core/log/append';
import { startHub, type RunningHub } from '../../server/hub';
import type { Attendee } from '../../shared/domain/attendee';
import { foldEntries } from '../../shared/domain/fold';
import { startFaultProxy, seededRandom, type FaultProxy } from '../helpers/fault-proxy';
import { projectionOf } from '../helpers/entries';
import { hubCursor, hubEntryIds } from '../helpers/hub-store';
import { openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

const KEY = 'fault-test-key-0123456789';
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/**
 * Seeded random runs through the misbehaving proxy: three stations check people in (some the same
 * people) and sync over a connection that drops, delays, truncates and duplicates. However the
 * faults fall, every station and the hub end with exactly the union of all entries, each once,
 * and the same projection. The proxy draws one fault per request, in request order, and the
 * stations sync one after the other, so a seed runs the same way every time.
 */
async function runSeed(seed: number): Promise<{ proxy: FaultProxy; hub: RunningHub; stations: TestStation[] }> {
  const hub = await startHub({ dataDir: path.join(tempDir(), 'hub'), keys: [KEY], port: 0 });
  cleanup.push(() => hub.close());
  const proxy = await startFaultProxy({ targetPort: Number(new URL(hub.url).port), seed });
  cleanup.push(() => proxy.close());
  const random = seededRandom(seed * 31 + 1);

  const stations = ['Door A', 'Door B', 'Door C'].map((name) => {
    const s = openTestStation({ station: name });
    cleanup.push(() => s.close());
    return s;
  });
  const [first] = stations;
  if (!first) throw new Error('no station');
  const roster: Attendee[] = [];
  for (let i = 0; i < 40; i++) roster.push((await first.service.api.addAttendee({ name: `参加者${i}`, ticketCode: `F-${i}` })) as Attendee);
  for (const s of stations) await s.service.api.pairStation({ hubUrl: proxy.url, key: KEY });

  // Rounds of: some check-ins at random stations, then every station tries one sync round.
  for (let round = 0; round < 12; round++) {
    for (const s of stations) {
      for (let k = 0; k < 3; k++) {
        const guest = roster[Math.floor(random() * roster.length)];
        if (guest && (await s.service.api.findByTicketCode({ ticketCode: guest.ticketCode }))) {
          await s.service.api.checkIn({ attendeeId: guest.id, source: 'qr' });
        }
      }
      await s.service.sync.syncOnce().catch(() => undefined);
    }
  }
  // Keep syncing through the faults (bounded) until everyone has everything.
  const union = (): Set<string> => new Set(stations.flatMap((s) => readEntries(s.db).map((e) => e.id)));
  for (let attempt = 0; attempt < 200; attempt++) {
    const all = union().size;
    if (stations.every((s) => s.service.sync.status().waiting === 0 && readEntries(s.db).length === all) && (await hubCursor(hub.store, hub.eventIds[0] ?? '')) > 0) {
      if ((await hubEntryIds(hub.store, hub.eventIds[0] ?? '')).length === all) break;
    }
    for (const s of stations) await s.service.sync.syncOnce().catch(() => undefined);
  }
  return { proxy, hub, stations };
}

describe('sync through a faulty network', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`seed ${seed}: every station and the hub converge, nothing lost, nothing duplicated`, async () => {
      const { proxy, hub, stations } = await runSeed(seed);
      const everything = new Map(stations.flatMap((s) => readEntries(s.db).map((e) => [e.id, e] as const)));
      const hubIds = await hubEntryIds(hub.store, hub.eventIds[0] ?? '');
      expect({ n: hubIds.length, d: new Set(hubIds).size }).toEqual({ n: everything.size, d: everything.size });
      const expected = foldEntries(everything.values());
      for (const s of stations) {
        const ids = readEntries(s.db).map((e) => e.id);
        expect(ids.length).toBe(everything.size);
        expect(new Set(ids).size).toBe(everything.size);
        expect(projectionOf(s.db, [...expected.attendees.keys()])).toEqual(expected);
      }
      // The faults really happened.
      expect(proxy.counts.drop + proxy.counts.lose + proxy.counts.truncate).toBeGreaterThan(0);
      expect(proxy.counts.duplicate).toBeGreaterThan(0);
    });
  }
});
