import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../server/hub';
import type { Entry } from '../../shared/domain/entry';
import { formatHlc } from '../../shared/domain/hlc';
import { HubClient } from '../../shared/sync/hub-client';
import { MAX_PUSH_BYTES } from '../../shared/sync/protocol';
import { entryId } from '../helpers/entries';
import { freePort, testDatabase } from '../helpers/postgres';
import { tempDir } from '../helpers/temp';

const KEY = 'hub-test-key-0123456789';
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.close();
});

type StoreKind = 'sqlite' | 'postgres';
let storeKind: StoreKind = 'sqlite';

/** A hub on a store of the kind under test: a fresh SQLite folder, or a fresh PostgreSQL database. */
async function hub(keys = [KEY], upstream?: { url: string; key: string; pollMs?: number }): Promise<RunningHub> {
  const store = storeKind === 'postgres' ? { database: await testDatabase() } : { dataDir: path.join(tempDir(), 'hub') };
  const running = await startHub({ ...store, keys, port: 0, upstream });
  hubs.push(running);
  return running;
}

function checkin(n: number): Entry {
  return {
    id: entryId(n),
    station: 'Door A',
    hlc: formatHlc({ ms: Date.now(), counter: n, node: 'na' }),
    type: 'checkin',
    attendeeId: '01900000-0000-7000-8000-0000000000a1',
    data: { source: 'qr', scannedAt: new Date().toISOString() },
  };
}

function post(url: string, body: string, key = KEY): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  return fetch(url, { method: 'POST', headers, body });
}

describe.each<StoreKind>(['sqlite', 'postgres'])('sync hub, protocol v1, %s store', (kind) => {
  beforeEach(() => {
    storeKind = kind;
  });

  it('answers health without a key and refuses the event without the right key (401)', async () => {
    const h = await hub();
    const entriesUrl = `${h.url}/v1/events/${h.eventIds[0]}/entries`;
    expect(await (await fetch(`${h.url}/v1/health`)).json()).toEqual({ ok: true, version: 1, database: 'reachable' });
    expect((await post(entriesUrl, '{"entries":[]}', '')).status).toBe(401);
    expect((await post(entriesUrl, '{"entries":[]}', 'wrong-key-0123456789')).status).toBe(401);
    expect((await fetch(`${h.url}/v1/events/ev-unknown/entries`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(401);
    const wrongKey = new HubClient({ hubUrl: h.url, key: 'wrong-key-0123456789', eventId: h.eventIds[0] ?? '' });
    await expect(wrongKey.pull(0, 10)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('refuses an oversized body with 413 and a bad entry with 400 naming the field, storing nothing', async () => {
    const h = await hub();
    const entriesUrl = `${h.url}/v1/events/${h.eventIds[0]}/entries`;
    const huge = await post(entriesUrl, JSON.stringify({ entries: [], pad: 'x'.repeat(MAX_PUSH_BYTES + 10) }));
    expect(huge.status).toBe(413);
    const bad = { ...checkin(1), hlc: 'yesterday' };
    const response = await post(entriesUrl, JSON.stringify({ entries: [checkin(2), bad] }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^entries\.1\.hlc: /);
    expect((await post(entriesUrl, 'not json')).status).toBe(400);
    const client = new HubClient({ hubUrl: h.url, key: KEY, eventId: h.eventIds[0] ?? '' });
    expect((await client.pull(0, 10)).entries).toEqual([]);
  });

  it('stores a replayed or duplicated push once, and pages pulls by cursor', async () => {
    const h = await hub();
    const client = new HubClient({ hubUrl: h.url, key: KEY, eventId: h.eventIds[0] ?? '', station: 'Door A' });
    const entries = Array.from({ length: 25 }, (_, i) => checkin(i + 1));
    expect(await client.push(entries.slice(0, 15))).toMatchObject({ accepted: 15, duplicates: 0 });
    expect(await client.push(entries)).toMatchObject({ accepted: 10, duplicates: 15 });
    await Promise.all([client.push(entries), client.push(entries)]);
    const seen: Entry[] = [];
    let cursor = 0;
    for (let page = 0; page < 10; page++) {
      const batch = await client.pull(cursor, 10);
      seen.push(...batch.entries);
      cursor = batch.cursor;
      if (!batch.more) break;
    }
    expect(seen.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(seen[0]).toEqual(entries[0]);
    expect(await client.stations()).toEqual([expect.objectContaining({ station: 'Door A', pushed: 25 })]);
  });

  it('answers 400 (not 500) for malformed percent-encoding in the path, and keeps serving', async () => {
    const h = await hub();
    for (const target of ['/v1/events/%E0%A4%A/entries', '/v1/events/%ff/entries', '/%E0%A4%A', '/v1/events/ev%/stations']) {
      const response = await fetch(`${h.url}${target}`, { headers: { authorization: `Bearer ${KEY}` } });
      expect(response.status, target).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid-input');
    }
    expect((await fetch(`${h.url}/v1/health`)).status).toBe(200);
  });

  it('a client given several hub addresses moves to the next when one is down, and stays there', async () => {
    const h = await hub();
    const down = `http://127.0.0.1:${await freePort()}`;
    const client = new HubClient({ hubUrl: [down, h.url], key: KEY, eventId: h.eventIds[0] ?? '' });
    expect(await client.push([checkin(1)])).toMatchObject({ accepted: 1 });
    expect(client.hubUrl).toBe(h.url);
    expect((await client.pull(0, 10)).entries.map((e) => e.id)).toEqual([entryId(1)]);
    const nowhere = new HubClient({ hubUrl: [down, `http://127.0.0.1:${await freePort()}`], key: KEY, eventId: h.eventIds[0] ?? '' });
    await expect(nowhere.pull(0, 10)).rejects.toMatchObject({ code: 'network' });
  });

  it('keeps events apart: each key sees only its own event', async () => {
    const other = 'other-event-key-0123456789';
    const h = await hub([KEY, other]);
    const a = new HubClient({ hubUrl: h.url, key: KEY, eventId: h.eventIds[0] ?? '' });
    const b = new HubClient({ hubUrl: h.url, key: other, eventId: h.eventIds[1] ?? '' });
    await a.push([checkin(1)]);
    expect((await b.pull(0, 10)).entries).toEqual([]);
    const crossed = new HubClient({ hubUrl: h.url, key: other, eventId: h.eventIds[0] ?? '' });
    await expect(crossed.pull(0, 10)).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('relays to an upstream hub in both directions', async () => {
    const cloudKey = 'cloud-event-key-0123456789';
    const cloud = await hub([cloudKey]);
    const venue = await hub([KEY], { url: cloud.url, key: cloudKey, pollMs: 50 });
    const atVenue = new HubClient({ hubUrl: venue.url, key: KEY, eventId: venue.eventIds[0] ?? '' });
    const atCloud = new HubClient({ hubUrl: cloud.url, key: cloudKey, eventId: cloud.eventIds[0] ?? '' });
    await atVenue.push([checkin(1), checkin(2)]);
    await atCloud.push([checkin(3)]);
    const ids = async (client: HubClient) => (await client.pull(0, 100)).entries.map((e) => e.id).sort();
    const all = [entryId(1), entryId(2), entryId(3)];
    for (let i = 0; i < 200 && (JSON.stringify(await ids(atVenue)) !== JSON.stringify(all) || JSON.stringify(await ids(atCloud)) !== JSON.stringify(all)); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await ids(atVenue)).toEqual(all);
    expect(await ids(atCloud)).toEqual(all);
  });
});
