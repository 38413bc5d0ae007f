import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { appendEntries } from '../../electron/core/log/append';
import { createService } from '../../electron/core/service/service';
import { startHub, type RunningHub } from '../../server/hub';
import type { Attendee } from '../../shared/domain/attendee';
import { formatHlc, MAX_CLOCK_DRIFT_MS } from '../../shared/domain/hlc';
import { formatPairingCode } from '../../shared/sync/pairing';
import { entryId } from '../helpers/entries';
import { freePort } from '../helpers/postgres';
import { freshHubStore, hubCursor, hubEntryIds, type HubStoreKind } from '../helpers/hub-store';
import { manualClock, openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

const KEY = 'sync-client-key-0123456789';
const open: { close(): void }[] = [];
const cleanups: (() => Promise<void>)[] = [];
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0)) await fn();
  for (const s of open.splice(0)) s.close();
  for (const h of hubs.splice(0)) await h.close();
});

let storeKind: HubStoreKind = 'sqlite';

async function newHub(): Promise<RunningHub> {
  const hub = await startHub({ ...(await freshHubStore(storeKind, path.join(tempDir(), 'hub'))), keys: [KEY], port: 0 });
  hubs.push(hub);
  return hub;
}

function station(name: string, clock?: () => number): TestStation {
  const s = openTestStation({ station: name, wallClock: clock });
  open.push(s);
  return s;
}

async function pair(s: TestStation, hub: RunningHub): Promise<void> {
  await s.service.api.pairStation({ code: formatPairingCode({ hubUrl: hub.url, key: KEY }) });
}

describe.each<HubStoreKind>(['sqlite', 'postgres'])('station sync client, %s hub store', (kind) => {
  beforeEach(() => {
    storeKind = kind;
  });

  it('a station paired with several hub addresses syncs through the next when the first is down', async () => {
    const hub = await newHub();
    const a = station('Door A');
    await a.service.api.addAttendee({ name: 'A1' });
    const down = `http://127.0.0.1:${await freePort()}`;
    await a.service.api.pairStation({ code: formatPairingCode({ hubUrl: down, fallbackHubUrls: [hub.url], key: KEY }) });
    expect(await a.service.sync.syncOnce()).toEqual({ pushed: 1, pulled: 0 });
    expect(a.service.sync.status()).toMatchObject({ online: true, lastError: null, hubUrl: down });
    expect(await hubEntryIds(hub.store, hub.eventIds[0] ?? '')).toHaveLength(1);
  });

  it('pairs by code, pushes what is waiting, pulls the rest, and never pushes pulled entries back', async () => {
    const hub = await newHub();
    const a = station('Door A');
    const b = station('Door B');
    const guest = (await a.service.api.addAttendee({ name: '林 花子', ticketCode: 'T-1' })) as Attendee;
    await pair(a, hub);
    expect(a.service.sync.status()).toMatchObject({ paired: true, waiting: 1, online: null });
    await a.service.sync.syncOnce();
    expect(a.service.sync.status()).toMatchObject({ waiting: 0, online: true, lastError: null });
    expect(a.service.sync.status().lastSuccessAt).not.toBeNull();

    await pair(b, hub);
    expect(await b.service.sync.syncOnce()).toEqual({ pushed: 0, pulled: 1 });
    expect((await b.service.api.getAttendee({ id: guest.id })).name).toBe('林 花子');
    expect(b.service.sync.status().waiting).toBe(0);
    expect(await b.service.sync.syncOnce()).toEqual({ pushed: 0, pulled: 0 });
  });

  it('flags the same attendee checked in at two stations offline, on both, with the earliest official', async () => {
    const hub = await newHub();
    const clock = manualClock(Date.now() - 3_600_000);
    const a = station('Door A', clock.now);
    const b = station('Door B', clock.now);
    const guest = (await a.service.api.addAttendee({ name: '山田 太郎', ticketCode: 'T-2' })) as Attendee;
    await pair(a, hub);
    await pair(b, hub);
    await a.service.sync.syncOnce();
    await b.service.sync.syncOnce();

    clock.advance(60_000);
    await b.service.api.checkIn({ attendeeId: guest.id, source: 'search' });
    clock.advance(30_000);
    await a.service.api.checkIn({ attendeeId: guest.id, source: 'search' });
    for (const s of [a, b, a]) await s.service.sync.syncOnce();

    for (const s of [a, b]) {
      const seen = await s.service.api.getAttendee({ id: guest.id });
      expect(seen.checkedIn?.station).toBe('Door B');
      expect(seen.conflicts.map((c) => c.station)).toEqual(['Door A']);
      const conflicts = await s.service.api.listConflicts();
      expect(conflicts).toEqual([expect.objectContaining({ attendeeId: guest.id, official: seen.checkedIn, others: seen.conflicts })]);
    }
    // Undo names the flagged check-in; after sync no station shows a conflict any more.
    const flagged = (await a.service.api.getAttendee({ id: guest.id })).conflicts[0]?.checkinId;
    await a.service.api.undoCheckIn({ attendeeId: guest.id, checkinId: flagged });
    for (const s of [a, b]) await s.service.sync.syncOnce();
    for (const s of [a, b]) {
      const seen = await s.service.api.getAttendee({ id: guest.id });
      expect(seen.checkedIn?.station).toBe('Door B');
      expect(seen.conflicts).toEqual([]);
    }
  });

  it('reports a typed reason: network while the hub is down, unauthorized for a wrong key, clock-drift for a clock far ahead', async () => {
    const hub = await newHub();
    const a = station('Door A');
    await a.service.api.pairStation({ hubUrl: hub.url, key: KEY });
    await a.service.api.addAttendee({ name: 'X' });
    const url = hub.url;
    await hub.close();
    hubs.length = 0;
    const down = await a.service.api.syncNow();
    expect(down).toMatchObject({ online: false, waiting: 1, lastError: { reason: 'network' } });

    const other = await startHub({ ...(await freshHubStore(storeKind, path.join(tempDir(), 'hub2'))), keys: ['another-key-0123456789'], port: Number(new URL(url).port) });
    hubs.push(other);
    expect(await a.service.api.syncNow()).toMatchObject({ online: true, lastError: { reason: 'unauthorized' } });

    const hub3 = await newHub();
    const future = formatHlc({ ms: Date.now() + MAX_CLOCK_DRIFT_MS + 60_000, counter: 0, node: 'zz' });
    await hub3.store.add(hub3.eventIds[0] ?? '', [
      { id: entryId(1), station: 'Broken', hlc: future, type: 'settings.upsert', attendeeId: null, data: { fields: { eventName: '未来' } } },
    ]);
    await a.service.api.pairStation({ hubUrl: hub3.url, key: KEY });
    expect(await a.service.api.syncNow()).toMatchObject({ lastError: { reason: 'clock-drift' } });
    expect((await a.service.api.getEvent()).eventName).not.toBe('未来');
  });

  it('refuses to join another event with a database that already belongs to one', async () => {
    const hub = await newHub();
    const a = station('Door A');
    await pair(a, hub);
    await expect(a.service.sync.pair(hub.url, 'a-different-event-key-0123')).rejects.toMatchObject({ code: 'conflict' });
    const result = await Promise.resolve(a.service.api.pairStation({ code: 'hello' })).catch((e: unknown) => e);
    expect(result).toMatchObject({ code: 'invalid-input' });
  });

  it('counts an entry the station and the hub both had once, on both sides', async () => {
    const hub = await newHub();
    const a = station('Door A');
    await pair(a, hub);
    const entries = Array.from({ length: 30 }, (_, i) => ({
      id: entryId(i + 1),
      station: 'Door Z',
      hlc: formatHlc({ ms: Date.now() - 1000, counter: i, node: 'nz' }),
      type: 'attendee.upsert' as const,
      attendeeId: entryId(1000 + i),
      data: { fields: { name: `n${i}` } },
    }));
    await hub.store.add(hub.eventIds[0] ?? '', entries);
    // The station already had one of them (e.g. from a copy of the file): still fine, counted once.
    appendEntries(a.db, [entries[3]!]);
    expect(await a.service.sync.syncOnce()).toEqual({ pushed: 1, pulled: 29 });
    expect(a.db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 30 });
    expect(await hubCursor(hub.store, hub.eventIds[0] ?? '')).toBe(30);
    expect(a.service.sync.status().waiting).toBe(0);
  });

  it('starts over with a hub that lost its entries (a new hub at the same address) instead of missing them', async () => {
    const first = await newHub();
    const a = station('Door A');
    const b = station('Door B');
    await a.service.api.addAttendee({ name: 'A1' });
    await pair(a, first);
    await pair(b, first);
    await a.service.sync.syncOnce();
    await b.service.sync.syncOnce();
    await b.service.api.addAttendee({ name: 'B1' });
    await b.service.sync.syncOnce();
    const port = Number(new URL(first.url).port);
    await first.close();
    hubs.length = 0;
    const fresh = await startHub({ ...(await freshHubStore(storeKind, path.join(tempDir(), 'fresh-hub'))), keys: [KEY], port });
    hubs.push(fresh);
    await a.service.api.addAttendee({ name: 'A2' });
    for (const s of [a, b, a]) await s.service.sync.syncOnce();
    expect(await hubEntryIds(fresh.store, fresh.eventIds[0] ?? '')).toHaveLength(3);
    for (const s of [a, b]) expect((await s.service.api.getStatus()).expected).toBe(3);
  });

  it('a station whose clock is far ahead is told so by the hub, and its entries do not reach the others', async () => {
    const hub = await newHub();
    const broken = station('Door Z', () => Date.now() + MAX_CLOCK_DRIFT_MS + 3_600_000);
    const fine = station('Door A');
    await pair(broken, hub);
    await pair(fine, hub);
    await broken.service.api.addAttendee({ name: 'Z' });
    expect(await broken.service.api.syncNow()).toMatchObject({ waiting: 1, lastError: { reason: 'clock-drift' } });
    expect(await fine.service.api.syncNow()).toMatchObject({ online: true, lastError: null });
  });

  it('with the loop running, a local check-in reaches the hub right away (not at the next poll)', async () => {
    const hub = await newHub();
    const db = openDatabase(path.join(tempDir(), 'door.db'));
    // Polls are an hour apart here: only the nudge after a local change can explain a quick push.
    const service = createService({ db, stationName: 'Door A', sync: { pollMs: 3_600_000 } });
    open.push({ close: () => db.close() });
    cleanups.push(() => service.sync.stop());
    const guest = (await service.api.addAttendee({ name: '林' })) as Attendee;
    await service.api.pairStation({ hubUrl: hub.url, key: KEY });
    service.sync.start();
    const wait = async (done: () => boolean | Promise<boolean>) => {
      for (let i = 0; i < 250 && !(await done()); i++) await new Promise((r) => setTimeout(r, 20));
    };
    await wait(() => service.sync.status().lastSuccessAt !== null && service.sync.status().waiting === 0);
    const checkins = async () => (await hubEntryIds(hub.store, hub.eventIds[0] ?? '')).length;
    expect(await checkins()).toBe(1);
    await service.api.checkIn({ attendeeId: guest.id, source: 'qr' });
    await wait(async () => (await checkins()) === 2);
    expect(await checkins()).toBe(2);
    await wait(() => service.sync.status().waiting === 0);
    expect(service.sync.status()).toMatchObject({ waiting: 0, online: true });
  });
});
