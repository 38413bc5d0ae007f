import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../shared/api/contract';
import { foldEntries } from '../../shared/domain/fold';
import { readEntries } from '../../electron/core/log/append';
import { dispatch } from '../../electron/core/service/dispatch';
import { callers, manualClock, openTestStation } from '../helpers/service';

describe('check-in service on a real SQLite file', () => {
  it('checks someone in, answers a second check-in with when and where, and undoes', async () => {
    const clock = manualClock();
    const station = openTestStation({ station: 'Door B', wallClock: clock.now });
    const { api } = station.service;
    const hanako = await api.addAttendee({ name: '佐藤 花子', nameKana: 'さとう はなこ', ticketCode: 'TK-0001' });

    const first = await api.checkIn({ attendeeId: hanako.id, source: 'search' });
    expect(first.status).toBe('checked-in');
    expect(first.attendee.checkedIn).toMatchObject({ station: 'Door B', at: '2026-11-24T09:00:00.000Z' });

    clock.advance(60_000);
    const second = await api.checkIn({ attendeeId: hanako.id, source: 'qr' });
    expect(second.status).toBe('already-checked-in');
    expect(second.attendee.checkedIn?.at).toBe('2026-11-24T09:00:00.000Z');
    expect(readEntries(station.db).filter((e) => e.type === 'checkin')).toHaveLength(1);

    const undone = await api.undoCheckIn({ attendeeId: hanako.id });
    expect(undone.checkedIn).toBeNull();
    await expect(Promise.resolve().then(() => api.undoCheckIn({ attendeeId: hanako.id }))).rejects.toThrow(/not checked in/);

    const again = await api.checkIn({ attendeeId: hanako.id, source: 'search' });
    expect(again.attendee.checkedIn?.at).toBe('2026-11-24T09:01:00.000Z');
    expect(await api.getStatus()).toMatchObject({ expected: 1, checkedIn: 1, station: 'Door B' });
    // A walk-in is counted on its own, so the registered count never reads "2 of 1".
    await api.registerWalkIn({ name: '飛び入り 一郎' });
    expect(await api.getStatus()).toMatchObject({ expected: 1, checkedIn: 1, walkIns: 1 });
    station.close();
  });

  it('checks in the holder of a scanned code in one call: the code itself, in any case, or inside a ticket URL', async () => {
    const station = openTestStation({ station: 'Door S' });
    const { api } = station.service;
    const ada = await api.addAttendee({ name: 'Ada Lovelace', ticketCode: 'AL-1815' });
    const alan = await api.addAttendee({ name: 'Alan Turing', ticketCode: 'AT-1912' });

    expect(await api.checkInByCode({ code: 'al-1815' })).toMatchObject({ status: 'checked-in', attendee: { id: ada.id }, print: { state: 'off' } });
    const fromUrl = await api.checkInByCode({ code: 'https://tickets.example/e/77/ticket/AT-1912?ref=mail' });
    expect(fromUrl).toMatchObject({ status: 'checked-in', attendee: { id: alan.id, checkedIn: { station: 'Door S' } } });
    // A second scan writes nothing and says when and where.
    expect(await api.checkInByCode({ code: 'AL-1815' })).toMatchObject({ status: 'already-checked-in', attendee: { checkedIn: { station: 'Door S' } } });
    // A code nobody holds checks in nobody (not the nearest match).
    expect(await api.checkInByCode({ code: 'AL-181' })).toEqual({ status: 'not-found' });
    expect(readEntries(station.db).filter((e) => e.type === 'checkin').map((e) => e.attendeeId)).toEqual([ada.id, alan.id]);
    expect(readEntries(station.db).filter((e) => e.type === 'checkin').every((e) => e.type === 'checkin' && e.data.source === 'qr')).toBe(true);
    expect(await api.getStatus()).toMatchObject({ expected: 2, checkedIn: 2 });
    station.close();
  });

  it('keeps everything across a close and reopen of the file', async () => {
    const first = openTestStation();
    const taro = await first.service.api.addAttendee({ name: '山田 太郎', company: '結び商事' });
    await first.service.api.checkIn({ attendeeId: taro.id, source: 'search' });
    await first.service.api.updateEvent({ eventName: '異業種交流会 2026' });
    const stampBefore = readEntries(first.db).at(-1)?.hlc ?? '';
    first.close();

    const reopened = openTestStation({ file: first.file });
    const after = await reopened.service.api.getAttendee({ id: taro.id });
    expect(after.company).toBe('結び商事');
    expect(after.checkedIn?.station).toBe('Door A');
    expect((await reopened.service.api.getEvent()).eventName).toBe('異業種交流会 2026');
    // The clock resumes after the newest stamp in the file.
    await reopened.service.api.updateAttendee({ id: taro.id, fields: { title: '部長' } });
    expect((readEntries(reopened.db).at(-1)?.hlc ?? '') > stampBefore).toBe(true);
    reopened.close();
  });

  it('writes every change through the log: the tables equal the fold of the log', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const a = await api.addAttendee({ name: 'Alice Smith', email: 'alice@example.com', ticketCode: 'A1' });
    const b = await api.registerWalkIn({ name: '林 一郎', company: '林工務店' });
    await api.updateAttendee({ id: a.id, fields: { company: 'Acme' } });
    await api.checkIn({ attendeeId: a.id, source: 'search' });
    await api.undoCheckIn({ attendeeId: b.attendee.id });
    await api.updateEvent({ eventName: 'Test night' });

    const folded = foldEntries(readEntries(station.db));
    for (const [id, expected] of folded.attendees) expect(await api.getAttendee({ id })).toEqual(expected);
    // The screens' settings leave out the logo's bytes (publicSettings); everything else is the fold's.
    const { badgeLogoImage: _logoBytes, ...settings } = folded.settings;
    expect(await api.getEvent()).toEqual(settings);
    station.close();
  });

  it('refuses a second attendee with the same ticket code, and a nameless one', async () => {
    const station = openTestStation();
    const { api } = station.service;
    await api.addAttendee({ name: 'A', ticketCode: 'T-1' });
    await expect(Promise.resolve().then(() => api.addAttendee({ name: 'B', ticketCode: 't-1' }))).rejects.toThrow(/already belongs/);
    const viaDispatch = await dispatch(api, 'addAttendee' satisfies MethodName, { name: '  ' }, callers.organizer);
    expect(viaDispatch).toMatchObject({ ok: false, error: { code: 'invalid-input', where: 'name' } });
    station.close();
  });

  it('finds people by name, reading, company, e-mail and ticket code, exact ticket first', async () => {
    const station = openTestStation();
    const { api } = station.service;
    await api.addAttendee({ name: '山田 太郎', nameKana: 'ヤマダ タロウ', company: '株式会社やまびこ', ticketCode: 'YM-2' });
    await api.addAttendee({ name: '小山 花子', nameKana: 'こやま はなこ', email: 'hanako@yama.example', ticketCode: 'KY-1' });
    const names = async (query: string) => (await api.searchAttendees({ query, limit: 50 })).items.map((a) => a.name);
    expect(await names('山田太郎')).toEqual(['山田 太郎']);
    expect(await names('ﾔﾏﾀﾞ')).toEqual(['山田 太郎']);
    expect(await names('やま')).toEqual(['山田 太郎', '小山 花子']);
    expect(await names('hanako@')).toEqual(['小山 花子']);
    expect(await names('ky-1')).toEqual(['小山 花子']);
    expect((await api.searchAttendees({ query: '', limit: 1 })).total).toBe(2);
    station.close();
  });
});
