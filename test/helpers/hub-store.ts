import type { HubStore } from '../../server/store/types';
import { MAX_BATCH } from '../../shared/sync/protocol';

/** Every entry id the hub's store serves for the event, in seq order (read through the store interface). */
export async function hubEntryIds(store: HubStore, eventId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor = 0;
  for (;;) {
    const batch = await store.read(eventId, cursor, MAX_BATCH);
    for (const entry of JSON.parse(`[${batch.joined}]`) as { id: string }[]) ids.push(entry.id);
    cursor = batch.cursor;
    if (!batch.more) return ids;
  }
}

/** The event's highest seq in the store. */
export async function hubCursor(store: HubStore, eventId: string): Promise<number> {
  return (await store.read(eventId, Number.MAX_SAFE_INTEGER, 1)).cursor;
}

export type HubStoreKind = 'sqlite' | 'postgres';

/** startHub options for a fresh store of the given kind: a new SQLite folder, or a new PostgreSQL database. */
export async function freshHubStore(kind: HubStoreKind, dataDir: string): Promise<{ dataDir: string } | { database: string }> {
  if (kind === 'sqlite') return { dataDir };
  const { testDatabase } = await import('./postgres');
  return { database: await testDatabase() };
}
