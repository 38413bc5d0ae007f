import { describe, expect, it } from 'vitest';
import { entrySchema } from '../../shared/domain/entry';
import { parseEntries } from '../../shared/sync/parse-entries';

const checkin = {
  id: '01900000-0000-7000-a000-000000000001',
  station: 'Door 1',
  hlc: '001700000000000-000001-door1',
  type: 'checkin',
  attendeeId: '01900000-0000-7000-b000-000000000001',
  data: { source: 'qr', scannedAt: '2026-11-24T09:00:00.000+09:00' },
};

/** Variants of a check-in, valid and not, each judged by parseEntries and entrySchema alike. */
const variants: [string, unknown][] = [
  ['valid', checkin],
  ['extra keys (dropped)', { ...checkin, extra: 1, data: { ...checkin.data, more: true } }],
  ['upper-case id', { ...checkin, id: checkin.id.toUpperCase() }],
  ['empty station', { ...checkin, station: '' }],
  ['station too long', { ...checkin, station: 'x'.repeat(65) }],
  ['bad clock', { ...checkin, hlc: '17-1-door' }],
  ['no attendee', { ...checkin, attendeeId: undefined }],
  ['unknown source', { ...checkin, data: { ...checkin.data, source: 'fax' } }],
  ['time without offset', { ...checkin, data: { ...checkin.data, scannedAt: '2026-11-24 09:00' } }],
  ['time in UTC', { ...checkin, data: { ...checkin.data, scannedAt: '2026-11-24T00:00:00Z' } }],
  ['data missing', { ...checkin, data: undefined }],
  ['data is a list', { ...checkin, data: [] }],
  ['not an object', 'checkin'],
  ['an upsert', { ...checkin, type: 'attendee.upsert', data: { fields: { name: '山田 太郎' } } }],
];

describe('parseEntries (pull answers)', () => {
  for (const [name, raw] of variants) {
    it(`agrees with entrySchema: ${name}`, () => {
      const expected = entrySchema.safeParse(raw);
      const actual = parseEntries([checkin, raw]);
      expect(actual.ok).toBe(expected.success);
      if (actual.ok && expected.success) expect(actual.entries[1]).toStrictEqual(expected.data);
      if (!actual.ok) expect(actual.path.startsWith('entries.1')).toBe(true);
    });
  }
});
