import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportOptionsSchema } from '../../shared/api/methods/export';
import { foldEntries } from '../../shared/domain/fold';
import { exportAttendance } from '../../electron/core/export/attendance-export';
import { readEntries } from '../../electron/core/log/append';
import { dispatch } from '../../electron/core/service/dispatch';
import { openDatabase } from '../../electron/core/db/open';
import { appendEntries } from '../../electron/core/log/append';
import { projectionOf } from '../helpers/entries';
import { callers, manualClock, openTestStation } from '../helpers/service';

/** An event with a seminar and a party, each its own ticket types, as issue 14 describes. */
const LISTS = [
  { id: 'main', ja: 'セミナー', en: 'Seminar', ticketTypes: ['セミナーのみ', 'セミナー＋懇親会'] },
  { id: 'party', ja: '懇親会', en: 'Party', ticketTypes: ['懇親会のみ', 'セミナー + 懇親会'] },
];

async function eventWithLists(stationName = 'Door A') {
  const clock = manualClock();
  const station = openTestStation({ station: stationName, wallClock: clock.now });
  const { api } = station.service;
  await api.updateEvent({ eventName: '異業種交流会', checkinLists: LISTS });
  const seminarOnly = await api.addAttendee({ name: '佐藤 花子', nameKana: 'さとう はなこ', ticketType: 'セミナーのみ' });
  const both = await api.addAttendee({ name: '山田 太郎', nameKana: 'やまだ たろう', ticketType: 'セミナー＋懇親会' });
  const partyOnly = await api.addAttendee({ name: '林 一郎', nameKana: 'はやし いちろう', ticketType: '懇親会のみ' });
  return { station, api, clock, seminarOnly, both, partyOnly };
}

describe('check-in lists at the door', () => {
  it('a station on the 懇親会 list refuses a seminar-only ticket, writes nothing, and admits after an override', async () => {
    const { station, api, seminarOnly, both } = await eventWithLists();
    expect((await api.setStationList({ list: 'party' })).id).toBe('party');

    const refused = await api.checkIn({ attendeeId: seminarOnly.id, source: 'qr' });
    expect(refused.status).toBe('not-admitted');
    expect(refused).toMatchObject({ list: { id: 'party', ja: '懇親会' }, attendee: { ticketType: 'セミナーのみ' }, print: { state: 'off' } });
    expect(readEntries(station.db).filter((e) => e.type === 'checkin')).toHaveLength(0);

    const overridden = await api.checkIn({ attendeeId: seminarOnly.id, source: 'qr', override: true });
    expect(overridden.status).toBe('checked-in');
    expect(overridden.attendee.lists?.party).toMatchObject({ list: 'party', station: 'Door A' });

    // A ticket type typed with another width or spacing is the same type (セミナー + 懇親会 vs ＋).
    expect((await api.checkIn({ attendeeId: both.id, source: 'search' })).status).toBe('checked-in');
    station.close();
  });

  it('checks a person in once per list: the seminar check-in does not make them "already checked in" at the party', async () => {
    const { station, api, clock, both } = await eventWithLists();
    await api.setStationList({ list: 'main' });
    const seminar = await api.checkIn({ attendeeId: both.id, source: 'qr' });
    expect(seminar.status).toBe('checked-in');
    // The default list's check-in is written as before lists existed: no list id in the entry.
    expect(readEntries(station.db).find((e) => e.type === 'checkin')?.data).not.toHaveProperty('list');
    expect((await api.checkIn({ attendeeId: both.id, source: 'qr' })).status).toBe('already-checked-in');

    clock.advance(3 * 60 * 60 * 1000);
    await api.setStationList({ list: 'party' });
    const party = await api.checkIn({ attendeeId: both.id, source: 'qr' });
    expect(party.status).toBe('checked-in');
    expect(party.attendee.checkedIn?.at).toBe('2026-11-24T09:00:00.000Z');
    expect(party.attendee.lists?.party?.at).toBe('2026-11-24T12:00:00.000Z');
    expect(party.attendee.conflicts).toEqual([]);
    expect((await api.checkIn({ attendeeId: both.id, source: 'qr' })).status).toBe('already-checked-in');

    // Undo at the party door takes back the party check-in, not the seminar one.
    const undone = await api.undoCheckIn({ attendeeId: both.id });
    expect(undone.lists).toBeUndefined();
    expect(undone.checkedIn?.at).toBe('2026-11-24T09:00:00.000Z');

    // What the station shows is the reference fold of its log.
    expect(projectionOf(station.db, [both.id]).attendees.get(both.id)).toEqual(foldEntries(readEntries(station.db)).attendees.get(both.id));
    station.close();
  });

  it('counts per list on the header and the dashboard', async () => {
    const { station, api, seminarOnly, both, partyOnly } = await eventWithLists();
    await api.checkIn({ attendeeId: seminarOnly.id, source: 'qr' });
    await api.checkIn({ attendeeId: both.id, source: 'qr' });
    await api.setStationList({ list: 'party' });
    await api.checkIn({ attendeeId: both.id, source: 'qr' });
    await api.checkIn({ attendeeId: partyOnly.id, source: 'qr' });
    await api.registerWalkIn({ name: '飛び入り 次郎' });

    expect((await api.getStatus()).list).toMatchObject({ id: 'party', ja: '懇親会', checkedIn: 3, expected: 2 });
    const dashboard = await api.getDashboard();
    expect(dashboard.lists.map((c) => [c.list.id, c.checkedIn, c.expected])).toEqual([
      ['main', 2, 2],
      ['party', 3, 2],
    ]);
    // Everyone who came at all, once each: the three registered people and the walk-in.
    expect(dashboard.checkedIn).toBe(4);
    station.close();
  });

  it('exports the ticket type and one column per list with the time of that check-in', async () => {
    const { station, api, clock, seminarOnly, both } = await eventWithLists();
    await api.checkIn({ attendeeId: seminarOnly.id, source: 'qr' });
    await api.checkIn({ attendeeId: both.id, source: 'qr' });
    clock.advance(2 * 60 * 60 * 1000);
    await api.setStationList({ list: 'party' });
    await api.checkIn({ attendeeId: both.id, source: 'qr' });

    const exported = await exportAttendance(station.db, exportOptionsSchema.parse({ format: 'csv', language: 'ja' }));
    const rows = parse(exported.bytes.toString('utf8'), { columns: true, bom: true }) as Record<string, string>[];
    const byName = new Map(rows.map((r) => [r['氏名'], r]));
    expect(byName.get('山田 太郎')).toMatchObject({ チケット種別: 'セミナー＋懇親会' });
    expect(byName.get('山田 太郎')?.['セミナー']).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(byName.get('山田 太郎')?.['懇親会']).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(byName.get('山田 太郎')?.['懇親会']).not.toBe(byName.get('山田 太郎')?.['セミナー']);
    expect(byName.get('佐藤 花子')).toMatchObject({ 懇親会: '' });
    expect(byName.get('佐藤 花子')?.['セミナー']).not.toBe('');
    station.close();
  });

  it('a simple event sees no change: no list in the status, no list columns, entries without a list id', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const hanako = await api.addAttendee({ name: '佐藤 花子' });
    expect((await api.checkIn({ attendeeId: hanako.id, source: 'qr' })).status).toBe('checked-in');
    expect((await api.getStatus()).list).toBeNull();
    expect((await api.getDashboard()).lists).toEqual([]);
    const exported = await exportAttendance(station.db, exportOptionsSchema.parse({ format: 'csv', language: 'ja' }));
    expect(exported.bytes.toString('utf8').split('\n')[0]).not.toMatch(/チケット種別|受付（/);
    expect(readEntries(station.db).find((e) => e.type === 'checkin')?.data).toEqual({ source: 'qr', scannedAt: expect.any(String) });
    station.close();
  });

  it('refuses a list the event does not have, and the kiosk may not choose the list', async () => {
    const { station, api } = await eventWithLists();
    await expect(Promise.resolve().then(() => api.setStationList({ list: 'dinner' }))).rejects.toThrow(/no check-in list "dinner"/);
    const asKiosk = await dispatch(station.service.api, 'setStationList', { list: 'party' }, callers.kiosk);
    expect(asKiosk).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const asDesk = await dispatch(station.service.api, 'setStationList', { list: 'party' }, callers.desk);
    expect(asDesk).toMatchObject({ ok: true, value: { id: 'party' } });
    station.close();
  });

  it('a check-in on a list synced to a station folds the same there', async () => {
    const { station, api, both } = await eventWithLists();
    await api.setStationList({ list: 'party' });
    await api.checkIn({ attendeeId: both.id, source: 'qr' });
    const other = openDatabase(':memory:');
    appendEntries(other, [...readEntries(station.db)].reverse());
    expect(projectionOf(other, [both.id])).toEqual(projectionOf(station.db, [both.id]));
    other.close();
    station.close();
  });
});
