import { afterEach, describe, expect, it } from 'vitest';
import { appendEntries } from '../../electron/core/log/append';
import { ROWS_PER_STATEMENT } from '../../electron/core/log/insert-entries';
import type { Entry } from '../../shared/domain/entry';
import { formatHlc } from '../../shared/domain/hlc';
import { entryId } from '../helpers/entries';
import { openTestStation, type TestStation } from '../helpers/service';

// The log and the projection write ROWS_PER_STATEMENT (64) rows per statement. A batch one short
// of a chunk, exactly one, one over and two plus one: a chunk that lost its first or last row, or
// a last partial chunk that went missing, leaves a person, an entry or a check-in out.
const SIZES = [1, ROWS_PER_STATEMENT - 1, ROWS_PER_STATEMENT, ROWS_PER_STATEMENT + 1, 2 * ROWS_PER_STATEMENT + 1];

function attendeeId(i: number): string {
  return `01900000-0000-7000-8000-${i.toString(16).padStart(12, '0')}`;
}

function stamp(n: number): Pick<Entry, 'id' | 'station' | 'hlc'> {
  return { id: entryId(n), station: 'Door B', hlc: formatHlc({ ms: 1_700_000_000_000 + n, counter: 0, node: 'nb' }) };
}

function upserts(count: number): Entry[] {
  return Array.from({ length: count }, (_, i) => ({
    ...stamp(i + 1),
    type: 'attendee.upsert' as const,
    attendeeId: attendeeId(i),
    data: { fields: { name: `参加者 ${i}`, ticketCode: `T-${i}` } },
  }));
}

function checkins(count: number): Entry[] {
  return Array.from({ length: count }, (_, i) => ({
    ...stamp(100_000 + i),
    type: 'checkin' as const,
    attendeeId: attendeeId(i),
    data: { source: 'qr' as const, scannedAt: new Date(1_700_000_000_000 + i).toISOString() },
  }));
}

function count(station: TestStation, sql: string): number {
  return (station.db.prepare(sql).get() as { n: number }).n;
}

let station: TestStation | undefined;
afterEach(() => station?.close());

describe.each(SIZES)('a pulled batch of %i people', (size) => {
  it('puts every entry in the log and every person in the attendee table', () => {
    station = openTestStation();
    const result = appendEntries(station.db, upserts(size), { pulled: true });
    expect(result.applied).toHaveLength(size);
    expect(count(station, 'SELECT count(*) AS n FROM entries')).toBe(size);
    const tickets = station.db.prepare('SELECT ticket_code FROM attendees ORDER BY ticket_code').pluck().all() as string[];
    expect(tickets).toEqual(Array.from({ length: size }, (_, i) => `T-${i}`).sort());
  });

  it('checks every one of them in, and reports a replay of the batch as duplicates only', () => {
    station = openTestStation();
    appendEntries(station.db, upserts(size), { pulled: true });
    const batch = checkins(size);
    expect(appendEntries(station.db, batch, { pulled: true }).applied).toHaveLength(size);
    expect(count(station, 'SELECT count(*) AS n FROM checkins')).toBe(size);
    const official = station.db.prepare('SELECT id, checkin_id FROM attendees').all() as { id: string; checkin_id: string | null }[];
    const expected = new Map(batch.map((e) => [e.attendeeId, e.id]));
    expect(new Map(official.map((row) => [row.id, row.checkin_id]))).toEqual(expected);

    const replay = appendEntries(station.db, batch, { pulled: true });
    expect(replay).toEqual({ applied: [], duplicates: size });
    expect(count(station, 'SELECT count(*) AS n FROM entries')).toBe(2 * size);
  });

  it('keeps exactly the new entries of a batch that mixes known and new ones', () => {
    station = openTestStation();
    const all = upserts(size + 1);
    // Every other entry is known already, so each chunk of the mixed batch holds both kinds.
    appendEntries(station.db, all.filter((_, i) => i % 2 === 0), { pulled: true });
    const mixed = appendEntries(station.db, all, { pulled: true });
    expect(mixed.applied.map((e) => e.id)).toEqual(all.filter((_, i) => i % 2 === 1).map((e) => e.id));
    expect(count(station, 'SELECT count(*) AS n FROM attendees')).toBe(size + 1);
  });
});
