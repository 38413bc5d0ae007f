import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/open';
import { appendEntries, readEntries } from '../../electron/core/log/append';
import { createService } from '../../electron/core/service/service';
import { newId } from '../../shared/domain/ids';
import { openTestStation } from '../helpers/service';

/** The index and the cached result rows follow every path that changes people. */
describe('search stays current', () => {
  it('shows a check-in and an edit at once, and forgets a rolled-back change', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const hana = await api.addAttendee({ name: '佐藤 花子', nameKana: 'さとう はなこ' });
    expect((await api.searchAttendees({ query: 'さとう', limit: 50 })).items[0]?.checkedIn).toBeNull();
    await api.checkIn({ attendeeId: hana.id, source: 'search' });
    expect((await api.searchAttendees({ query: 'さとう', limit: 50 })).items[0]?.checkedIn).not.toBeNull();

    await api.updateAttendee({ id: hana.id, fields: { name: '鈴木 花子', nameKana: 'すずき はなこ' } });
    expect((await api.searchAttendees({ query: 'さとう', limit: 50 })).total).toBe(0);
    expect((await api.searchAttendees({ query: 'suzuki', limit: 50 })).items[0]?.name).toBe('鈴木 花子');

    // A transaction that searches and then rolls back leaves no trace in the index.
    expect(() =>
      station.db.transaction(() => {
        station.service.recorder.record([{ type: 'attendee.upsert', attendeeId: hana.id, data: { fields: { name: '田中 花子' } } }]);
        expect(api.searchAttendees({ query: '田中', limit: 50 })).toMatchObject({ total: 1 });
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect((await api.searchAttendees({ query: '田中', limit: 50 })).total).toBe(0);
    expect((await api.searchAttendees({ query: '鈴木', limit: 50 })).items[0]?.name).toBe('鈴木 花子');
    station.close();
  });

  it('finds people that arrive through sync (appendEntries) and drops removed ones', async () => {
    const door = openTestStation({ station: 'Door A' });
    const other = openTestStation({ station: 'Door B' });
    await door.service.api.searchAttendees({ query: '', limit: 50 }); // the index exists before the sync
    const ren = await other.service.api.addAttendee({ name: '東 蓮', nameKana: 'ひがし れん', company: 'Orbit Works Inc.' });
    await other.service.api.checkIn({ attendeeId: ren.id, source: 'search' });
    appendEntries(door.db, readEntries(other.db));
    const found = (await door.service.api.searchAttendees({ query: 'orbit works', limit: 50 })).items[0];
    expect(found).toMatchObject({ name: '東 蓮', checkedIn: { station: 'Door B' } });

    appendEntries(door.db, [other.service.recorder.stamp({ type: 'attendee.remove', attendeeId: ren.id, data: {} })]);
    expect((await door.service.api.searchAttendees({ query: 'ひがし', limit: 50 })).total).toBe(0);
    door.close();
    other.close();
  });

  it('sees an import made by another connection to the same file (musubi import while the station runs)', async () => {
    const station = openTestStation();
    expect((await station.service.api.searchAttendees({ query: '山田', limit: 50 })).total).toBe(0);
    const cli = openDatabase(station.file);
    createService({ db: cli, stationName: 'CLI' }).recorder.record([
      { type: 'attendee.upsert', attendeeId: newId(), data: { fields: { name: '山田 太郎', nameKana: 'やまだ たろう' } } },
    ]);
    cli.close();
    expect((await station.service.api.searchAttendees({ query: 'yamada', limit: 50 })).items.map((a) => a.name)).toEqual(['山田 太郎']);
    station.close();
  });
});
