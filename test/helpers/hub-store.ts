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
