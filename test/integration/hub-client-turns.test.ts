import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../server/hub';
import { formatHlc } from '../../shared/domain/hlc';
import { eventIdForKey } from '../../shared/sync/event-id';
import { HubClient } from '../../shared/sync/hub-client';
import { tempDir } from '../helpers/temp';

const KEY = 'hub-client-turns-key-0123456789';
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const hub of hubs.splice(0)) await hub.close();
});

describe('a station reads the hub’s answers on its own turns', () => {
  it('reads a pulled page only once the station gives it a turn, and then reads it whole', async () => {
    const hub = await startHub({ dataDir: path.join(tempDir(), 'hub'), keys: [KEY], port: 0 });
    hubs.push(hub);
    const eventId = await eventIdForKey(KEY);
    const entries = Array.from({ length: 3 }, (_, i) => ({
      id: `01900000-0000-7000-a000-00000000000${i + 1}`,
      station: 'Other door',
      hlc: formatHlc({ ms: Date.now(), counter: i, node: 'other' }),
      type: 'attendee.upsert' as const,
      attendeeId: `01900000-0000-7000-b000-00000000000${i + 1}`,
      data: { fields: { name: `他会場 ${i}` } },
    }));
    await new HubClient({ hubUrl: hub.url, key: KEY, eventId, station: 'Other door' }).push(entries);

    // The station's turn, held back until the test lets it go (as a long import's slice would).
    const turns: (() => void)[] = [];
    const client = new HubClient({ hubUrl: hub.url, key: KEY, eventId, station: 'Desk', beforeReading: () => new Promise<void>((resolve) => turns.push(resolve)) });
    let read = false;
    const page = client.pull(0, 100).then((answer) => {
      read = true;
      return answer;
    });
    await expect.poll(() => turns.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toBe(false);
    turns[0]?.();
    const answer = await page;
    expect(answer.entries.map((e) => e.id)).toEqual(entries.map((e) => e.id));
    expect(answer.more).toBe(false);
  });
});
