import { describe, expect, it } from 'vitest';
import { newIdBatch } from '../../electron/core/log/bulk-ids';
import { entrySchema } from '../../shared/domain/entry';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('bulk ids for imports', () => {
  it('are distinct UUIDv7 with the batch time, increasing across millisecond steps', () => {
    const now = Date.UTC(2026, 10, 24, 4, 0, 0);
    const ids = newIdBatch(10_000, now);
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] ?? ''))).toBe(true);
    expect(ids[0]?.replace('-', '').slice(0, 12)).toBe(now.toString(16).padStart(12, '0'));
  });

  it('are accepted as entry ids by the sync protocol', () => {
    const [id, attendeeId] = newIdBatch(2);
    const entry = { id, station: 'Door', hlc: '000001700000000-000000-node', type: 'checkin', attendeeId, data: { source: 'qr', scannedAt: new Date().toISOString() } };
    expect(entrySchema.safeParse(entry).success).toBe(true);
  });
});
