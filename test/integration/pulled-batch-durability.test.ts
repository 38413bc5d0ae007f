import { afterEach, describe, expect, it } from 'vitest';
import { applyPulled } from '../../electron/core/sync/engine';
import { readCursor } from '../../electron/core/sync/config';
import { MAX_CLOCK_DRIFT_MS, formatHlc } from '../../shared/domain/hlc';
import type { Entry } from '../../shared/domain/entry';
import { entryId } from '../helpers/entries';
import { manualClock, openTestStation, type TestStation } from '../helpers/service';

// A pulled batch commits with synchronous = NORMAL; every local check-in after it must be back on
// FULL (a check-in survives a power cut), whether the batch went in or was refused.
const FULL = 2;

function upsert(n: number, ms: number): Entry {
  return {
    id: entryId(n),
    station: 'Door B',
    hlc: formatHlc({ ms, counter: 0, node: 'nb' }),
    type: 'attendee.upsert',
    attendeeId: `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    data: { fields: { name: `参加者 ${n}` } },
  };
}

let station: TestStation | undefined;
afterEach(() => station?.close());

describe('a pulled batch and the durability of local writes', () => {
  it('leaves synchronous on FULL after the batch is applied', () => {
    const clock = manualClock();
    station = openTestStation({ wallClock: clock.now });
    expect(station.db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(applyPulled(station.db, station.service.recorder.clock, [upsert(1, clock.now()), upsert(2, clock.now())], 2)).toBe(2);
    expect(station.db.pragma('synchronous', { simple: true })).toBe(FULL);
  });

  it('leaves synchronous on FULL when the batch is refused, and applies none of it', () => {
    const clock = manualClock();
    station = openTestStation({ wallClock: clock.now });
    const farAhead = upsert(2, clock.now() + MAX_CLOCK_DRIFT_MS + 60_000);
    expect(() => applyPulled(station!.db, station!.service.recorder.clock, [upsert(1, clock.now()), farAhead], 2)).toThrow(/clock|ahead/i);
    expect(station.db.pragma('synchronous', { simple: true })).toBe(FULL);
    expect(station.db.prepare('SELECT count(*) AS n FROM entries').get()).toEqual({ n: 0 });
    expect(readCursor(station.db)).toBe(0);
  });
});
