import { afterEach, describe, expect, it } from 'vitest';
import { PostgresHubStore } from '../../server/store/postgres';
import { loadEntry } from '../helpers/hub-load';
import { hubEntryIds } from '../helpers/hub-store';
import { testDatabase } from '../helpers/postgres';

const stores: PostgresHubStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function openStores(count: number): Promise<PostgresHubStore[]> {
  const url = await testDatabase();
  // Opened together, like hub processes starting at once: the migrations run once.
  const opened = await Promise.all(Array.from({ length: count }, () => PostgresHubStore.open(url)));
  stores.push(...opened);
  return opened;
}

describe('PostgreSQL hub store', () => {
  it('several stores on one database share one store id, and opening it again changes nothing', async () => {
    const [a, b, c] = await openStores(3);
    expect(a?.storeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set([a?.storeId, b?.storeId, c?.storeId]).size).toBe(1);
    await a?.add('ev-one', [loadEntry(1), loadEntry(2)]);
    expect(await b?.add('ev-one', [loadEntry(2), loadEntry(3), loadEntry(3)])).toEqual({ accepted: 1, duplicates: 2, cursor: 3 });
    expect(await c?.add('ev-two', [loadEntry(1)])).toEqual({ accepted: 1, duplicates: 0, cursor: 1 });
    expect(await hubEntryIds(c!, 'ev-one')).toEqual([1, 2, 3].map((n) => loadEntry(n).id));
  });

  it('a transaction that fails keeps nothing, and its seq numbers are handed out again (no gap)', async () => {
    const [store] = await openStores(1);
    await expect(
      store!.transaction(async (tx) => {
        await tx.add('ev-one', [loadEntry(1)]);
        await tx.setMeta('relay.cursor.ev-one', '9');
        throw new Error('upstream went away');
      }),
    ).rejects.toThrow('upstream went away');
    expect(await store!.getMeta('relay.cursor.ev-one')).toBeUndefined();
    expect(await store!.add('ev-one', [loadEntry(2)])).toEqual({ accepted: 1, duplicates: 0, cursor: 1 });
  });

  it('concurrent writers on three stores: readers pulling meanwhile never pass an entry that is not yet visible', async () => {
    const writerStores = await openStores(3);
    const event = 'ev-concurrent';
    const writers = 12;
    const batchesPerWriter = 25;
    let written = 0;
    const all: string[] = [];
    let writing = true;

    async function writer(w: number): Promise<void> {
      const store = writerStores[w % writerStores.length]!;
      for (let b = 0; b < batchesPerWriter; b++) {
        const size = 1 + ((w * 7 + b * 13) % 40);
        const entries = Array.from({ length: size }, (_, i) => loadEntry(w * 100_000 + b * 100 + i));
        // Every third batch repeats its first entry from the batch before: duplicates race too.
        if (b > 0 && b % 3 === 0) entries.push(loadEntry(w * 100_000 + (b - 1) * 100));
        await store.add(event, entries);
        for (let i = 0; i < size; i++) all.push(entries[i]!.id);
        written += size;
      }
    }

    // A reader pulls like a station: after its cursor, small pages, and remembers what it got.
    async function reader(r: number): Promise<{ ids: string[]; pages: number }> {
      const store = writerStores[r % writerStores.length]!;
      const ids: string[] = [];
      let cursor = 0;
      let pages = 0;
      for (;;) {
        const stillWriting = writing;
        const batch = await store.read(event, cursor, 1 + (r * 5 + pages) % 30);
        pages++;
        // No gap: the page holds exactly the seqs between the old cursor and the new one.
        const page = JSON.parse(`[${batch.joined}]`) as { id: string }[];
        expect(page).toHaveLength(batch.count);
        expect(batch.cursor - cursor).toBe(page.length);
        for (const entry of page) ids.push(entry.id);
        cursor = batch.cursor;
        if (!stillWriting && !batch.more) return { ids, pages };
        if (!batch.more) await new Promise((resolve) => setImmediate(resolve));
      }
    }

    const readers = Array.from({ length: 4 }, (_, r) => reader(r));
    await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
    writing = false;
    const results = await Promise.all(readers);
    expect(written).toBe(all.length);
    const expected = new Set(all);
    for (const { ids, pages } of results) {
      expect(pages).toBeGreaterThan(10);
      expect(ids.length).toBe(expected.size);
      expect(new Set(ids)).toEqual(expected);
    }
    // And every reader saw them in the one order the store numbered them.
    const order = await hubEntryIds(writerStores[0]!, event);
    for (const { ids } of results) expect(ids).toEqual(order);
  });
});
