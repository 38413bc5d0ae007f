import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStation, type RunningStation } from '../../electron/station/server';
import { exportOptionsSchema } from '../../shared/api/methods/export';
import type { PartialAttendeeFields } from '../../shared/domain/attendee';
import { manualClock, openTestStation, type TestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

/** Partner suggestions through the real service on a real SQLite file, and over HTTP. */
async function arrive(station: TestStation, fields: PartialAttendeeFields): Promise<string> {
  const { api } = station.service;
  const person = await api.addAttendee({ email: `${fields.name ?? 'x'}@example.jp`, phone: '090-0000-0000', ...fields });
  await api.checkIn({ attendeeId: person.id, source: 'search' });
  return person.id;
}

describe('partner suggestions on a station', () => {
  it('suggests consenting people in the room only, with name, company, industry and goals and never contact data', async () => {
    const clock = manualClock();
    const station = openTestStation({ wallClock: clock.now });
    const { api } = station.service;
    const me = await arrive(station, { name: '採用 担当', industry: 'it', goals: ['hiring'] });
    const yes = await arrive(station, { name: '医療 花子', company: '結び病院', industry: 'healthcare', goals: ['job'], partnerConsent: true });
    await arrive(station, { name: '金融 太郎', industry: 'finance', goals: ['job'], partnerConsent: false });
    const notIn = await api.addAttendee({ name: '未着 次郎', industry: 'retail', goals: ['job'], partnerConsent: true });
    const { suggestions } = await api.suggestPartners({ attendeeId: me });
    expect(suggestions).toEqual([
      {
        id: yes,
        name: '医療 花子',
        company: '結び病院',
        industry: 'healthcare',
        goals: ['job'],
        reasons: [{ kind: 'goal', yourGoal: 'hiring', theirGoal: 'job' }, { kind: 'other-industry', industry: 'healthcare' }, { kind: 'just-arrived' }],
      },
    ]);
    expect(suggestions.map((s) => s.id)).not.toContain(notIn.id);
    expect(JSON.stringify(suggestions)).not.toMatch(/example\.jp|090-/);
    station.close();
  });

  it('takes a person out at once when they withdraw, leave or their check-in is undone, and back when they return', async () => {
    const clock = manualClock();
    const station = openTestStation({ wallClock: clock.now });
    const { api } = station.service;
    const me = await arrive(station, { name: 'Me', industry: 'it', goals: ['partners'] });
    const other = await arrive(station, { name: 'Other', industry: 'energy', goals: ['partners'], partnerConsent: true });
    const ids = async () => (await api.suggestPartners({ attendeeId: me })).suggestions.map((s) => s.id);
    expect(await ids()).toEqual([other]);

    expect(await api.setPartnerConsent({ attendeeId: other, consent: false })).toEqual({ partnerConsent: false });
    expect(await ids()).toEqual([]);
    await api.setPartnerConsent({ attendeeId: other, consent: true });
    expect(await ids()).toEqual([other]);

    expect(await api.setPresence({ attendeeId: other, state: 'left' })).toEqual({ present: false });
    expect(await ids()).toEqual([]);
    await api.setPresence({ attendeeId: other, state: 'back' });
    expect(await ids()).toEqual([other]);

    await api.undoCheckIn({ attendeeId: other });
    expect(await ids()).toEqual([]);
    station.close();
  });

  it('records each new showing once in the log, and shows the same people again within ten minutes', async () => {
    const clock = manualClock();
    const station = openTestStation({ wallClock: clock.now });
    const { api } = station.service;
    const me = await arrive(station, { name: 'Me', industry: 'it', goals: ['ideas'] });
    await arrive(station, { name: 'A', industry: 'food', goals: ['ideas'], partnerConsent: true });
    const first = await api.suggestPartners({ attendeeId: me });
    clock.advance(60_000);
    expect(await api.suggestPartners({ attendeeId: me })).toEqual(first);
    const showings = () => station.db.prepare("SELECT count(*) AS n FROM entries WHERE type = 'partners.suggested'").get();
    expect(showings()).toEqual({ n: 1 });
    clock.advance(11 * 60_000);
    await api.suggestPartners({ attendeeId: me });
    expect(showings()).toEqual({ n: 2 });
    station.close();
  });

  it('never suggests anyone more than five times within an hour, across many arrivals', async () => {
    const clock = manualClock();
    const station = openTestStation({ wallClock: clock.now });
    const { api } = station.service;
    const star = await arrive(station, { name: 'Star', industry: 'finance', goals: ['hiring'], partnerConsent: true });
    let suggestedStar = 0;
    for (let i = 0; i < 12; i++) {
      clock.advance(60_000);
      const seeker = await arrive(station, { name: `Seeker ${i}`, industry: 'it', goals: ['job'] });
      if ((await api.suggestPartners({ attendeeId: seeker })).suggestions.some((s) => s.id === star)) suggestedStar++;
    }
    expect(suggestedStar).toBe(5);
    station.close();
  });

  it('imports the consent column and reports nothing changed on the same file again', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const csv = '氏名,メールアドレス,紹介の同意\n山田 太郎,yamada@example.jp,はい\n佐藤 花子,sato@example.jp,いいえ\n鈴木 一郎,suzuki@example.jp,\n';
    const input = { fileName: 'form.csv', contentBase64: Buffer.from(csv).toString('base64') };
    expect((await api.previewImport(input)).mapping).toEqual(['name', 'email', 'partnerConsent']);
    await api.commitImport(input);
    const consent = async (query: string) => (await api.searchAttendees({ query, limit: 5 })).items[0]?.partnerConsent;
    expect([await consent('山田'), await consent('佐藤'), await consent('鈴木')]).toEqual([true, false, false]);
    expect(await api.commitImport(input)).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
    station.close();
  });

  it('shows unmet demand and introductions of consenting people on the room view, and the report in the export', async () => {
    const clock = manualClock();
    const station = openTestStation({ wallClock: clock.now });
    const { api } = station.service;
    const seeker = await arrive(station, { name: '求職 一郎', industry: 'it', goals: ['job'], lookingFor: ['healthcare'], partnerConsent: true });
    await arrive(station, { name: '求職 二郎', industry: 'finance', goals: ['job'], lookingFor: ['healthcare'] });
    await arrive(station, { name: '採用 花子', company: '結び病院', industry: 'healthcare', goals: ['hiring'], partnerConsent: true });
    await arrive(station, { name: '同意なし 三郎', industry: 'healthcare', goals: ['hiring'] });
    const room = await api.getPartnerRoom();
    expect(room.demand).toEqual([{ industry: 'healthcare', seeking: 2, present: 2 }]);
    expect(room.introductions).toHaveLength(1);
    const names = [room.introductions[0]?.a.name, room.introductions[0]?.b.name].sort();
    expect(names).toEqual(['採用 花子', '求職 一郎']);
    expect(JSON.stringify(room)).not.toMatch(/二郎|三郎|example\.jp/);
    // Name and industry only: the venue screen shows no company.
    expect(Object.keys(room.introductions[0]?.a ?? {}).sort()).toEqual(['id', 'industry', 'name']);
    expect(JSON.stringify(room)).not.toContain('結び病院');

    await api.suggestPartners({ attendeeId: seeker });
    expect(await api.getPartnerReport()).toEqual({
      shownTo: 1,
      crossIndustry: 1,
      complementaryCrossIndustry: 1,
      consenting: 2,
      demand: [{ industry: 'healthcare', seeking: 2, present: 2 }],
    });
    const exported = await api.exportAttendance(exportOptionsSchema.parse({ format: 'xlsx', language: 'ja' }));
    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(exported.base64, 'base64');
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = workbook.getWorksheet('交流相手の紹介');
    expect((sheet?.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['おすすめを表示した人', 1]);
    expect((sheet?.getRow(4).values as unknown[]).slice(1, 3)).toEqual(['うち目的の合う他業種の方を紹介された人', 1]);
    expect((sheet?.getRow(8).values as unknown[]).slice(1, 4)).toEqual(['医療・ヘルスケア', 2, 2]);
    station.close();
  });

  it('refuses "I have left" for someone not checked in', async () => {
    const station = openTestStation();
    const person = await station.service.api.addAttendee({ name: 'Not here' });
    await expect((async () => station.service.api.setPresence({ attendeeId: person.id, state: 'left' }))()).rejects.toMatchObject({ code: 'conflict' });
    station.close();
  });
});

describe('partner suggestions over HTTP against a running station', () => {
  let station: TestStation;
  let http: RunningStation;
  beforeAll(async () => {
    station = openTestStation();
    http = await startStation({ service: station.service, staticDir: tempDir(), port: 0 });
  });
  afterAll(async () => {
    await http.close();
    station.close();
  });
  const call = async (name: string, body: unknown) =>
    (await (await fetch(new URL(`api/${name}`, http.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as {
      ok: boolean;
      value?: unknown;
      error?: { code: string; where?: string };
    };

  it('answers suggestions of consenting people only, and a withdrawal over HTTP takes effect at once', async () => {
    const add = async (fields: PartialAttendeeFields) => {
      const added = (await call('addAttendee', fields)).value as { id: string };
      await call('checkIn', { attendeeId: added.id });
      return added.id;
    };
    const me = await add({ name: 'Kiosk user', industry: 'it', goals: ['learning'] });
    const consenting = await add({ name: 'Yes person', industry: 'education', goals: ['learning'], partnerConsent: true, email: 'yes@example.jp' });
    await add({ name: 'No person', industry: 'education', goals: ['learning'], email: 'no@example.jp' });
    const answer = await call('suggestPartners', { attendeeId: me });
    expect(answer).toMatchObject({ ok: true, value: { suggestions: [{ id: consenting, name: 'Yes person' }] } });
    expect(JSON.stringify(answer)).not.toContain('@example.jp');

    expect(await call('setPartnerConsent', { attendeeId: consenting, consent: false })).toEqual({ ok: true, value: { partnerConsent: false } });
    expect(await call('suggestPartners', { attendeeId: me })).toEqual({ ok: true, value: { suggestions: [] } });
    expect(await call('setPresence', { attendeeId: me, state: 'gone' })).toMatchObject({ ok: false, error: { code: 'invalid-input', where: 'state' } });
  });
});
