import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKIN_SOURCES, entrySchema } from '../../shared/domain/entry';
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
  ['on a check-in list', { ...checkin, data: { ...checkin.data, list: 'party' } }],
  ['a list id that is not an id', { ...checkin, data: { ...checkin.data, list: 'Party!' } }],
  ['a list id that is a number', { ...checkin, data: { ...checkin.data, list: 7 } }],
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

// Each field of a check-in drawn from values that pass and values that break one rule of
// checkinEntrySchema (or a type it does not expect), so the hand-written check-in path meets every
// rule it restates; whatever it accepts must be exactly what zod accepts, and come out the same.
const either = <T,>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: invalid });
const uuidArb = either(fc.uuid(), fc.oneof(fc.uuid().map((u) => u.toUpperCase()), fc.string(), fc.integer(), fc.constant(undefined)));
const stationArb = either(fc.string({ minLength: 1, maxLength: 64 }), fc.oneof(fc.constant(''), fc.string({ minLength: 65, maxLength: 70 }), fc.integer()));
const hlcArb = either(
  fc.tuple(fc.integer({ min: 0, max: 999_999_999_999_999 }), fc.integer({ min: 0, max: 999_999 }), fc.stringMatching(/^[A-Za-z0-9_.]{1,64}$/)).map(
    ([ms, counter, node]) => `${String(ms).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${node}`,
  ),
  fc.oneof(fc.constant('17-1-door'), fc.string(), fc.constant(null)),
);
const timeArb = either(
  fc.oneof(
    fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2026-11-24T09:00:00.000+09:00', '2026-11-24T09:00:00-05:30', '2026-11-24T09:00:00.123456Z'),
  ),
  fc.oneof(fc.constantFrom('2026-11-24 09:00', '2026-11-24', '2026-13-01T00:00:00Z', '2026-11-24T25:00:00Z'), fc.string(), fc.integer()),
);
const dataArb = either(
  fc.record({ source: either(fc.constantFrom(...CHECKIN_SOURCES), fc.constantFrom('fax', 'QR', '')), scannedAt: timeArb, more: fc.option(fc.string(), { nil: undefined }) }, { requiredKeys: ['source', 'scannedAt'] }),
  fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant([]), fc.string()),
);
const checkinLikeArb = fc.record(
  {
    id: uuidArb,
    station: stationArb,
    hlc: hlcArb,
    type: either(fc.constant('checkin'), fc.constantFrom('Checkin', 'checkin.undo')),
    attendeeId: uuidArb,
    data: dataArb,
    extra: fc.anything(),
  },
  { requiredKeys: ['id', 'station', 'hlc', 'type', 'attendeeId', 'data'] },
);

describe('parseEntries against entrySchema, for any check-in-like value', () => {
  it('accepts exactly what zod accepts and returns what zod returns', () => {
    fc.assert(
      fc.property(checkinLikeArb, (raw) => {
        const expected = entrySchema.safeParse(raw);
        const actual = parseEntries([raw]);
        expect(actual.ok).toBe(expected.success);
        if (actual.ok && expected.success) expect(actual.entries[0]).toStrictEqual(expected.data);
      }),
      { numRuns: 2000 },
    );
  });
});
