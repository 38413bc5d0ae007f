import { describe, expect, it } from 'vitest';
import { readEntries } from '../../electron/core/log/append';
import { dispatch } from '../../electron/core/service/dispatch';
import { callers, openTestStation } from '../helpers/service';

describe('dispatch refuses a role the method does not list', () => {
  it('returns forbidden, writes nothing to the database, and counts the refusal for the organizer', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const person = await api.addAttendee({ name: '山田 花子', email: 'hanako@example.com', ticketCode: 'T-1' });
    await api.exportAttendance({ format: 'csv', columns: ['name'], includeNoShows: true, language: 'ja' });
    const before = readEntries(station.db).length;

    const attempts: [string, unknown][] = [
      ['purgePersonalData', { confirm: true }],
      ['updateEvent', { eventName: 'Taken over' }],
      ['updateAttendee', { id: person.id, fields: { name: 'Someone else' } }],
      ['checkIn', { attendeeId: person.id }],
      ['addAttendee', { name: 'Intruder' }],
      ['exportAttendance', {}],
      ['searchAttendees', { query: '' }],
      ['getPairingCode', undefined],
    ];
    for (const [name, input] of attempts) {
      for (const caller of [callers.kiosk, callers.room]) {
        const result = await dispatch(api, name, input, caller);
        expect(result, `${name} as ${caller.role}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(JSON.stringify(result)).not.toContain('hanako');
      }
    }
    // The desk may check in and edit, but not purge, export or change the event.
    for (const name of ['purgePersonalData', 'updateEvent', 'exportAttendance', 'getPairingCode', 'addAttendee']) {
      const input = attempts.find(([n]) => n === name)?.[1];
      expect(await dispatch(api, name, input, callers.desk), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }

    expect(readEntries(station.db).length).toBe(before);
    const after = await api.getAttendee({ id: person.id });
    expect(after).toMatchObject({ name: '山田 花子', email: 'hanako@example.com', checkedIn: null });
    expect((await api.getEvent()).eventName).not.toBe('Taken over');
    expect((await api.getDataSafety()).purgedAt).toBeNull();

    const stats = await api.getAccessStats();
    expect(stats.byKind.forbidden).toBe(attempts.length * 2 + 5);
    expect(stats.byRole).toMatchObject({ kiosk: attempts.length, room: attempts.length, desk: 5, organizer: 0 });
    expect(stats.devices).toBe(3);
    expect(await dispatch(api, 'getAccessStats', undefined, callers.desk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    station.close();
  });

  it('lets the desk check in and edit, and the room screen read its counts', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const person = await api.addAttendee({ name: 'Desk Person', industry: '', ticketCode: 'D-1' });
    expect(await dispatch(api, 'checkIn', { attendeeId: person.id }, callers.desk)).toMatchObject({ ok: true, value: { status: 'checked-in' } });
    expect(await dispatch(api, 'updateAttendee', { id: person.id, fields: { company: 'Musubi' } }, callers.desk)).toMatchObject({ ok: true });
    const room = await dispatch(api, 'getRoomView', undefined, callers.room);
    expect(room).toMatchObject({ ok: true, value: { checkedIn: 1 } });
    expect(JSON.stringify(room)).not.toContain('Desk Person');
    station.close();
  });

  it('gives a kiosk and the venue screen the event settings without the registration answers the organizer mapped', async () => {
    const station = openTestStation();
    const { api } = station.service;
    await api.updateEvent({ answerMap: { industries: { 'ｆｉｎｔｅｃｈ スタートアップ経営': 'finance' }, goals: {} } });
    for (const caller of [callers.kiosk, callers.room]) {
      const seen = await dispatch(api, 'getEvent', undefined, caller);
      expect(seen, caller.role).toMatchObject({ ok: true, value: { answerMap: { industries: {}, goals: {} } } });
      expect(JSON.stringify(seen)).not.toContain('スタートアップ経営');
    }
    const organizer = await dispatch(api, 'getEvent', undefined, callers.organizer);
    expect(JSON.stringify(organizer)).toContain('スタートアップ経営');
    station.close();
  });
});
