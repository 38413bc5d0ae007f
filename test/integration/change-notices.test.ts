import { afterEach, describe, expect, it } from 'vitest';
import type { PushEvents } from '../../shared/api/contract';
import { openTestStation, type TestStation } from '../helpers/service';

type Notice = PushEvents['changed'];

/** What the station's screens are told, as they are told it. */
function listen(station: TestStation): Notice[] {
  const heard: Notice[] = [];
  station.service.changes.subscribe((event) => heard.push(event));
  return heard;
}

/** Until the station's current turn (and the notices it made) is over. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('change notices say what changed', () => {
  let station: TestStation;
  afterEach(() => station?.close());

  it('a walk-in is one notice of people and attendance; nothing about sync on an unpaired station', async () => {
    station = openTestStation();
    const heard = listen(station);
    await station.service.api.registerWalkIn({ name: '佐藤 花子', company: 'Example' });
    await turn();
    await turn();
    expect(heard).toEqual([{ reason: 'local', topics: ['people', 'attendance'] }]);
  });

  it('a settings change says settings, a station-local one too', async () => {
    station = openTestStation();
    const heard = listen(station);
    await station.service.api.updateEvent({ eventName: 'Musubi night' });
    await turn();
    await station.service.api.updateKioskSettings({ walkIn: true });
    await turn();
    expect(heard).toEqual([
      { reason: 'local', topics: ['settings'] },
      { reason: 'local', topics: ['settings'] },
    ]);
  });

  it('a check-in and its badge starting are one notice; a failed print still tells the print queue', async () => {
    station = openTestStation();
    const { api } = station.service;
    const walkIn = await api.registerWalkIn({ name: '田中 一郎' });
    await api.undoCheckIn({ attendeeId: walkIn.attendee.id });
    await api.updatePrintSettings({ printer: 'NoSuchMusubiPrinter', autoPrint: true });
    await turn();
    const heard = listen(station);
    const outcome = await api.checkIn({ attendeeId: walkIn.attendee.id, source: 'search' });
    expect(outcome.print.state).toBe('started');
    await turn();
    expect(heard).toEqual([{ reason: 'local', topics: ['attendance', 'prints'] }]);
    expect((await api.getStatus()).printQueue).toBe(1);
    const result = await api.autoPrintResult({ printId: outcome.print.state === 'started' ? outcome.print.printId : '' });
    expect(result.state).toBe('failed');
    await turn();
    // Nothing was recorded (the print failed), but the header's queue is one shorter and is told so.
    expect(heard.slice(1)).toEqual([{ reason: 'local', topics: ['prints'] }]);
    expect((await api.getStatus()).printQueue).toBe(0);
  });

  it('a write that does not say what it changed tells everything', async () => {
    station = openTestStation();
    const heard = listen(station);
    station.service.context.write(() => undefined);
    await turn();
    expect(heard).toEqual([{ reason: 'local', topics: ['people', 'attendance', 'prints', 'partners', 'settings', 'sync', 'data-safety'] }]);
  });
});
