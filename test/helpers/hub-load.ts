import type { Entry } from '../../shared/domain/entry';
import { formatHlc } from '../../shared/domain/hlc';
import type { HubClient } from '../../shared/sync/hub-client';
import { entryId } from './entries';

/** A check-in entry with a unique id from `n` (what a door pushes most). */
export function loadEntry(n: number, station = 'Door A'): Entry {
  return {
    id: entryId(n),
    station,
    hlc: formatHlc({ ms: Date.now(), counter: n % 1000, node: 'ld' }),
    type: 'checkin',
    attendeeId: entryId(10_000_000 + (n % 5000)),
    data: { source: 'qr', scannedAt: new Date().toISOString() },
  };
}

/**
 * A reader as a station is one: pulls pages after its cursor until told `more: false`, and keeps
 * every id it was given, in order. `pages` checks what a cursor may never do: go back, or hand the
 * same entry twice.
 */
export class PullingReader {
  cursor = 0;
  readonly ids: string[] = [];
  private readonly seen = new Set<string>();
  duplicates = 0;

  constructor(private readonly client: HubClient) {}

  /** One catch-up: pulls until the hub has nothing more after the cursor. */
  async catchUp(limit = 500): Promise<void> {
    for (;;) {
      const page = await this.client.pull(this.cursor, limit);
      for (const entry of page.entries) {
        if (this.seen.has(entry.id)) this.duplicates++;
        this.seen.add(entry.id);
        this.ids.push(entry.id);
      }
      if (page.cursor < this.cursor) throw new Error(`the cursor went back from ${this.cursor} to ${page.cursor}`);
      this.cursor = page.cursor;
      if (!page.more) return;
    }
  }

  has(ids: Iterable<string>): boolean {
    for (const id of ids) if (!this.seen.has(id)) return false;
    return true;
  }
}
