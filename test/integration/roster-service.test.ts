import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/api/contract';
import { listAttendeesInput } from '../../shared/api/methods/roster';
import type { MusubiService } from '../../electron/core/service/service';
import { readEntries } from '../../electron/core/log/append';
import { dispatch } from '../../electron/core/service/dispatch';
import { startHub, type RunningHub } from '../../server/hub';
import { formatPairingCode } from '../../shared/sync/pairing';
import { callers, openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

const KEY = 'roster-sync-key-0123456789';
const open: TestStation[] = [];
const hubs: RunningHub[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  for (const h of hubs.splice(0)) await h.close();
});

function station(name: string): TestStation {
  const s = openTestStation({ station: name });
  open.push(s);
  return s;
}

async function seed(s: TestStation) {
  const { api } = s.service;
  const hanako = await api.addAttendee({ name: '林 花子', nameKana: 'ハヤシ ハナコ', company: '結び商事', industry: 'finance', goals: ['hire'], ticketCode: 'T-1' });
  const taro = await api.addAttendee({ name: '山田 太郎', nameKana: 'ヤマダ タロウ', company: 'Acme', industry: 'maker', goals: ['learn', 'hire'], ticketCode: 'T-2' });
  const ken = await api.addAttendee({ name: '青木 健', nameKana: 'アオキ ケン', company: '青木製作所', industry: 'maker', goals: ['learn'], lookingFor: ['hire'] });
  await api.checkIn({ attendeeId: taro.id, source: 'search' });
  return { hanako, taro, ken };
}

/** The list as the contract's defaults fill it in (in-process calls skip dispatch's parsing). */
const list = (api: MusubiService['api'], input: MethodInput<'listAttendees'>) => api.listAttendees(listAttendeesInput.parse(input));
const names = (page: { items: { name: string }[] }) => page.items.map((p) => p.name);

describe('the organizer attendee list', () => {
  it('pages everyone by reading and filters by status, industry, goal and check-in', async () => {
    const s = station('Door A');
    const { api } = s.service;
    await seed(s);
    expect(names(await list(api, {}))).toEqual(['青木 健', '林 花子', '山田 太郎']);
    const second = await list(api, { offset: 1, limit: 1 });
    expect(second).toMatchObject({ total: 3, offset: 1 });
    expect(names(second)).toEqual(['林 花子']);
    expect(names(await list(api, { filter: { status: 'checked-in' } }))).toEqual(['山田 太郎']);
    expect(names(await list(api, { filter: { status: 'expected' } }))).toEqual(['青木 健', '林 花子']);
    expect(names(await list(api, { filter: { checkedIn: false, industry: 'maker' } }))).toEqual(['青木 健']);
    expect(names(await list(api, { filter: { goal: 'hire' } }))).toEqual(['林 花子', '山田 太郎']);
    expect((await list(api, { filter: { goal: 'hire' } })).total).toBe(2);
    expect(names(await list(api, { query: 'やまだ' }))).toEqual(['山田 太郎']);
    expect(names(await list(api, { query: 'acme', filter: { industry: 'finance' } }))).toEqual([]);
    expect(names(await list(api, { query: 'acme', filter: { industry: 'maker' } }))).toEqual(['山田 太郎']);
    expect(names(await list(api, { query: 'hayashi', filter: { goal: 'hire' } }))).toEqual(['林 花子']);
  });

  it('counts only registered people who are not in as not arrived, and filters by registration status', async () => {
    const s = station('Door A');
    const { api } = s.service;
    const { ken } = await seed(s);
    await api.addAttendee({ name: '井上 澪', nameKana: 'イノウエ ミオ', registrationStatus: 'waitlisted' });
    await api.addAttendee({ name: '江口 丈', nameKana: 'エグチ ジョウ', registrationStatus: 'pending' });
    // Cancelled, then let in by staff anyway: arrived, and still cancelled as a registration.
    const sae = await api.addAttendee({ name: '遠藤 冴', nameKana: 'エンドウ サエ', registrationStatus: 'cancelled' });
    await api.checkIn({ attendeeId: sae.id, source: 'search', override: true });
    await api.updateAttendee({ id: ken.id, fields: { registrationStatus: 'cancelled' } });

    expect(names(await list(api, { filter: { status: 'expected' } }))).toEqual(['林 花子']);
    const status = await api.getStatus();
    // The header's counts agree: expected minus those of them already in.
    expect(status.expected - status.checkedIn).toBe(1);
    expect(names(await list(api, { filter: { status: 'checked-in' } }))).toEqual(['遠藤 冴', '山田 太郎']);
    expect(names(await list(api, { filter: { registration: 'cancelled' } }))).toEqual(['青木 健', '遠藤 冴']);
    expect(names(await list(api, { filter: { registration: 'cancelled', status: 'expected' } }))).toEqual([]);
    expect(names(await list(api, { filter: { registration: 'waitlisted' } }))).toEqual(['井上 澪']);
    expect(names(await list(api, { filter: { registration: 'pending' } }))).toEqual(['江口 丈']);
    expect(names(await list(api, { filter: { registration: 'registered' } }))).toEqual(['林 花子', '山田 太郎']);
    expect(names(await list(api, { query: 'いのうえ', filter: { registration: 'waitlisted' } }))).toEqual(['井上 澪']);
    expect(names(await list(api, { query: 'いのうえ', filter: { status: 'expected' } }))).toEqual([]);
  });

  it('removes through the log, keeps the person and their check-in, and restores them as they were', async () => {
    const s = station('Door A');
    const { api } = s.service;
    const { taro } = await seed(s);
    const removed = await api.removeAttendee({ id: taro.id });
    expect(removed).toMatchObject({ removed: true, name: '山田 太郎' });
    expect(readEntries(s.db).at(-1)).toMatchObject({ type: 'attendee.remove', attendeeId: taro.id });
    expect(names(await list(api, {}))).not.toContain('山田 太郎');
    expect(names(await list(api, { filter: { status: 'removed' } }))).toEqual(['山田 太郎']);
    expect(names(await list(api, { query: '山田', filter: { status: 'removed' } }))).toEqual(['山田 太郎']);
    expect((await api.searchAttendees({ query: '山田', limit: 50 })).total).toBe(0);
    expect((await api.getStatus()).checkedIn).toBe(0);

    // A second click adds nothing to the log.
    const before = readEntries(s.db).length;
    await api.removeAttendee({ id: taro.id });
    expect(readEntries(s.db).length).toBe(before);

    const back = await api.restoreAttendee({ id: taro.id });
    expect(back).toMatchObject({ removed: false, name: '山田 太郎', company: 'Acme' });
    expect(back.checkedIn).not.toBeNull();
    expect(readEntries(s.db).at(-1)).toMatchObject({ type: 'attendee.restore', attendeeId: taro.id });
    expect((await api.searchAttendees({ query: '山田', limit: 50 })).total).toBe(1);
    expect((await api.getStatus()).checkedIn).toBe(1);
  });

  it('edits any field of a listed person through the log', async () => {
    const s = station('Door A');
    const { api } = s.service;
    const { ken } = await seed(s);
    await api.updateAttendee({ id: ken.id, fields: { company: '青木工業', goals: ['hire'], lookingFor: ['learn'], note: 'VIP' } });
    const [row] = (await list(api, { query: '青木' })).items;
    expect(row).toMatchObject({ company: '青木工業', goals: ['hire'], lookingFor: ['learn'], note: 'VIP', removed: false });
    expect(readEntries(s.db).at(-1)).toMatchObject({ type: 'attendee.upsert', attendeeId: ken.id });
  });

  it('is the organizer\'s alone: the desk, kiosk and room are refused and nothing is written', async () => {
    const s = station('Door A');
    const { api } = s.service;
    const { hanako } = await seed(s);
    const before = readEntries(s.db).length;
    for (const caller of [callers.desk, callers.kiosk, callers.room]) {
      for (const [name, input] of [['listAttendees', {}], ['removeAttendee', { id: hanako.id }], ['restoreAttendee', { id: hanako.id }]] as const) {
        const result = await dispatch(api, name, input, caller);
        expect(result, `${name} as ${caller.role}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(JSON.stringify(result)).not.toContain('林');
      }
    }
    expect(readEntries(s.db).length).toBe(before);
    expect(await dispatch(api, 'removeAttendee', { id: 'not-an-id' }, callers.organizer)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch(api, 'listAttendees', { filter: { status: 'gone' } }, callers.organizer)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('a removal and a restore made at one station reach the other through a real hub', async () => {
    const hub = await startHub({ dataDir: path.join(tempDir(), 'hub'), keys: [KEY], port: 0 });
    hubs.push(hub);
    const a = station('Door A');
    const b = station('Door B');
    const { hanako } = await seed(a);
    for (const s of [a, b]) await s.service.api.pairStation({ code: formatPairingCode({ hubUrl: hub.url, key: KEY }) });
    await a.service.sync.syncOnce();
    await b.service.sync.syncOnce();
    expect(names(await list(b.service.api, {}))).toContain('林 花子');

    // A registration status set in the list's editor is a field like any other: it syncs.
    await a.service.api.updateAttendee({ id: hanako.id, fields: { registrationStatus: 'cancelled' } });
    await a.service.sync.syncOnce();
    await b.service.sync.syncOnce();
    expect(names(await list(b.service.api, { filter: { registration: 'cancelled' } }))).toEqual(['林 花子']);
    expect(names(await list(b.service.api, { filter: { status: 'expected' } }))).toEqual(['青木 健']);
    await a.service.api.updateAttendee({ id: hanako.id, fields: { registrationStatus: 'registered' } });
    await a.service.sync.syncOnce();
    await b.service.sync.syncOnce();
    expect(names(await list(b.service.api, { filter: { status: 'expected' } }))).toEqual(['青木 健', '林 花子']);

    await a.service.api.removeAttendee({ id: hanako.id });
    await a.service.sync.syncOnce();
    await b.service.sync.syncOnce();
    expect(names(await list(b.service.api, {}))).not.toContain('林 花子');
    expect(names(await list(b.service.api, { filter: { status: 'removed' } }))).toEqual(['林 花子']);

    // Restored at the other station: it wins there and back at the first.
    await b.service.api.restoreAttendee({ id: hanako.id });
    await b.service.sync.syncOnce();
    await a.service.sync.syncOnce();
    for (const s of [a, b]) {
      expect(names(await list(s.service.api, {}))).toEqual(['青木 健', '林 花子', '山田 太郎']);
      expect((await s.service.api.getAttendee({ id: hanako.id })).company).toBe('結び商事');
    }
  });
});
