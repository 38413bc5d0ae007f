import { describe, expect, it } from 'vitest';
import { arrivalBuckets, mixMatrix } from '../../electron/core/dashboard/dashboard';
import { appendEntries, readEntries } from '../../electron/core/log/append';
import { PEOPLE, seedEvent } from '../helpers/attendance';
import { openTestStation } from '../helpers/service';

describe('dashboard numbers', () => {
  it('counts arrivals per 5 minutes with empty windows in between', () => {
    expect(arrivalBuckets(['2026-11-24T09:01:00Z', '2026-11-24T09:04:59Z', '2026-11-24T09:16:00Z'])).toEqual([
      { start: '2026-11-24T09:00:00.000Z', count: 2 },
      { start: '2026-11-24T09:05:00.000Z', count: 0 },
      { start: '2026-11-24T09:10:00.000Z', count: 0 },
      { start: '2026-11-24T09:15:00.000Z', count: 1 },
    ]);
    expect(arrivalBuckets([])).toEqual([]);
  });

  it('builds the industry × goal matrix in the event order, unknown and missing values after', () => {
    const mix = mixMatrix(
      [
        { industry: 'it', goals: ['ideas', 'hiring'] },
        { industry: 'it', goals: [] },
        { industry: 'space', goals: ['ideas'] },
        { industry: '', goals: ['network'] },
      ],
      ['it', 'finance'],
      ['ideas', 'network', 'hiring'],
    );
    expect(mix.industries).toEqual(['it', 'finance', 'space', '']);
    expect(mix.goals).toEqual(['ideas', 'network', 'hiring', '']);
    expect(mix.cells).toEqual([
      [1, 0, 1, 1],
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 1, 0, 0],
    ]);
    expect(mix.industryTotals).toEqual([2, 0, 1, 1]);
    expect(mix.goalTotals).toEqual([2, 1, 1, 1]);
  });

  it('summarises a real event, including check-ins that arrive by sync, without personal data', async () => {
    const { station, ids } = await seedEvent();
    const dashboard = await station.service.api.getDashboard();
    expect(dashboard).toMatchObject({ expected: PEOPLE.length, checkedIn: 5, registeredCheckedIn: 4, walkIns: 1, noShows: 1, conflicts: 1 });
    expect(dashboard.stations).toEqual([{ station: 'Door A', count: 5 }]);
    expect(dashboard.arrivals.reduce((sum, b) => sum + b.count, 0)).toBe(5);
    const itRow = dashboard.mix.industries.indexOf('it');
    expect(dashboard.mix.industryTotals[itRow]).toBe(2);
    const json = JSON.stringify(dashboard);
    for (const person of PEOPLE) {
      expect(json).not.toContain(person.name);
      expect(json).not.toContain(person.email);
    }

    // A check-in of the no-show at Door C arrives by sync: the numbers follow.
    const doorC = openTestStation({ station: 'Door C' });
    appendEntries(doorC.db, readEntries(station.db));
    await doorC.service.api.checkIn({ attendeeId: ids['TK-005'] ?? '', source: 'qr' });
    appendEntries(station.db, readEntries(doorC.db));
    doorC.close();
    const after = await station.service.api.getDashboard();
    expect(after).toMatchObject({ checkedIn: 6, noShows: 0 });
    expect(after.stations).toEqual([
      { station: 'Door A', count: 5 },
      { station: 'Door C', count: 1 },
    ]);
    station.close();
  });
});
