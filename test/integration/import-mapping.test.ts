import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportInput } from '../../shared/api/methods/import';
import { DEFAULT_EXPORT_COLUMNS } from '../../shared/domain/export-columns';
import { messyLargeExport } from '../helpers/messy-exports';
import { openTestStation, type TestStation } from '../helpers/service';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

function fixture(name: string, extra: Partial<ImportInput> = {}): ImportInput {
  return { fileName: name, contentBase64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64'), ...extra };
}
function csvInput(fileName: string, text: string, extra: Partial<ImportInput> = {}): ImportInput {
  return { fileName, contentBase64: Buffer.from(text).toString('base64'), ...extra };
}
async function byTicket(station: TestStation, ticketCode: string) {
  const attendee = await station.service.api.findByTicketCode({ ticketCode });
  if (!attendee) throw new Error(`no attendee ${ticketCode}`);
  return attendee;
}

describe('the registration list as it really is', () => {
  it('maps free-text answers by suggestion, lists each answer once with its count, and groups the warnings', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const preview = await api.previewImport(fixture('peatix-status.csv'));
    const answer = (value: string) => preview.answers.find((a) => a.value === value);
    expect(answer('金融')).toMatchObject({ catalogue: 'industries', rows: 2, categoryId: 'finance', how: 'suggested' });
    expect(answer('製造業')).toMatchObject({ rows: 3, categoryId: 'manufacturing', how: 'suggested' });
    expect(answer('人脈を広げたい')).toMatchObject({ catalogue: 'goals', rows: 3, categoryId: 'network', how: 'suggested' });
    expect(answer('宇宙')).toMatchObject({ rows: 1, categoryId: null, how: 'none' });
    // One warning per unmapped answer, not one per row.
    expect(preview.problems.map((p) => [p.code, p.value, p.rows])).toEqual([
      ['unknown-industry', '宇宙', 1],
      ['unknown-goal', '世界平和', 1],
    ]);
    station.close();
  });

  it('saves the mapping with the event and reuses it on re-import, with no new warnings', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const first = await api.commitImport(fixture('peatix-status.csv', { answerMap: { industries: { 宇宙: 'other' }, goals: { 世界平和: '' } } }));
    expect(first).toMatchObject({ imported: 8, problemCount: 0 });
    const saved = (await api.getEvent()).answerMap;
    expect(saved.industries).toMatchObject({ 宇宙: 'other', 金融: 'finance', 製造業: 'manufacturing' });
    expect(saved.goals).toMatchObject({ 世界平和: '', 人脈を広げたい: 'network' });

    expect(await byTicket(station, 'PX-2001')).toMatchObject({ industry: 'finance', goals: ['network'], vcardOptIn: true });
    expect(await byTicket(station, 'PX-2006')).toMatchObject({ industry: 'other' });
    // "No category" keeps the answer in the note, as before, without a warning.
    expect((await byTicket(station, 'PX-2008')).note).toContain('世界平和');

    const again = await api.previewImport(fixture('peatix-status.csv'));
    expect(again.problemCount).toBe(0);
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 8 });
    expect(again.answers.filter((a) => a.how !== 'listed').every((a) => a.how === 'saved')).toBe(true);
    const summary = await api.commitImport(fixture('peatix-status.csv'));
    expect(summary).toMatchObject({ imported: 0, updated: 0, problemCount: 0 });
    station.close();
  });

  it('refuses an unknown category id for an answer by name', async () => {
    const station = openTestStation();
    await expect(station.service.api.previewImport(fixture('peatix-status.csv', { answerMap: { industries: { 宇宙: 'space' } } }))).rejects.toThrow(
      /“宇宙” is mapped to "space", which is not one of the event’s industries/,
    );
    station.close();
  });

  it('keeps cancelled, waitlisted and unpaid people out of "expected" and refuses them at the desk unless overridden', async () => {
    const station = openTestStation();
    const { api } = station.service;
    await api.commitImport(fixture('peatix-status.csv'));
    expect((await byTicket(station, 'PX-2003')).registrationStatus).toBe('cancelled');
    expect((await byTicket(station, 'PX-2004')).registrationStatus).toBe('pending');
    expect((await byTicket(station, 'PX-2007')).registrationStatus).toBe('cancelled'); // 期限切れ
    expect(await api.getStatus()).toMatchObject({ expected: 5 });
    expect(await api.getDashboard()).toMatchObject({ expected: 5, notExpected: 3, noShows: 5 });

    const cancelled = await byTicket(station, 'PX-2003');
    const refused = await api.checkIn({ attendeeId: cancelled.id, source: 'qr' });
    expect(refused).toMatchObject({ status: 'not-registered', registrationStatus: 'cancelled', print: { state: 'off' } });
    expect((await api.getAttendee({ id: cancelled.id })).checkedIn).toBeNull();
    const overridden = await api.checkIn({ attendeeId: cancelled.id, source: 'qr', override: true });
    expect(overridden.status).toBe('checked-in');
    // Came anyway: in the room, but still not one of the expected.
    expect(await api.getStatus()).toMatchObject({ expected: 5, checkedIn: 0 });

    // The attendance list leaves out the cancelled and unpaid who did not come, and keeps the one who did.
    const exported = await api.exportAttendance({ format: 'csv', columns: [...DEFAULT_EXPORT_COLUMNS], includeNoShows: true, language: 'ja' });
    const text = Buffer.from(exported.base64, 'base64').toString('utf8');
    expect(text).toContain('上野 三郎');
    expect(text).not.toContain('江口 四季');
    expect(text).not.toContain('木村 七海');
    expect(text).toContain('青木 一郎');
    station.close();
  });

  it('sends a cancelled person from the kiosk to the staff', async () => {
    const station = openTestStation();
    const { api } = station.service;
    await api.commitImport(fixture('peatix-status.csv'));
    expect(await api.kioskFindByCode({ code: 'PX-2003' })).toEqual({ status: 'ask-staff' });
    expect((await api.kioskFindByCode({ code: 'PX-2001' })).status).toBe('found');
    station.close();
  });

  it('reads a connpass Shift_JIS export: the name from 姓 + 名, 表示名 as the nickname, 参加ステータス', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const preview = await api.previewImport(fixture('connpass-sjis.csv'));
    expect(preview.encoding).toBe('cp932');
    expect(preview.mapping).toEqual(['ignore', 'ignore', 'nickname', 'familyName', 'givenName', 'registrationStatus', 'company', 'industry', 'ticketCode']);
    await api.commitImport(fixture('connpass-sjis.csv'));
    expect(await byTicket(station, 'CN-0001')).toMatchObject({ name: '山田 太郎', nickname: 'たろう@エンジニア', registrationStatus: 'registered', industry: 'it' });
    expect(await byTicket(station, 'CN-0002')).toMatchObject({ name: '佐藤 花子', registrationStatus: 'waitlisted', industry: 'food' });
    expect(await byTicket(station, 'CN-0003')).toMatchObject({ registrationStatus: 'cancelled', industry: 'real-estate' });
    expect(await byTicket(station, 'CN-0004')).toMatchObject({ name: '髙橋 結衣', industry: 'student' });
    // People are found by the display name they registered under.
    const found = await api.searchAttendees({ query: 'はなちゃん', limit: 10 });
    expect(found.items.map((a) => a.name)).toEqual(['佐藤 花子']);
    station.close();
  });

  it('uses a display name as the name only when the file has no real-name column, and says so', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const preview = await api.previewImport(csvInput('connpass.csv', '表示名,受付番号\nたろう,CN-1\n'));
    expect(preview.problems).toEqual([expect.objectContaining({ code: 'display-name-as-name', severity: 'warning', value: '表示名' })]);
    await api.commitImport(csvInput('connpass.csv', '表示名,受付番号\nたろう,CN-1\n'));
    expect(await byTicket(station, 'CN-1')).toMatchObject({ name: 'たろう', nickname: '' });
    station.close();
  });

  it('reads an Eventbrite export with Attendee Status and free-text industries', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const summary = await api.commitImport(fixture('eventbrite-status.csv'));
    expect(summary).toMatchObject({ imported: 4, problemCount: 0 });
    expect(await byTicket(station, 'EB-7001')).toMatchObject({ name: 'Alice Brown', industry: 'finance', goals: ['network'], registrationStatus: 'registered' });
    expect(await byTicket(station, 'EB-7002')).toMatchObject({ industry: 'manufacturing', goals: ['partners'], registrationStatus: 'cancelled' });
    expect(await byTicket(station, 'EB-7003')).toMatchObject({ industry: 'media', goals: ['network', 'hiring'] });
    expect(await byTicket(station, 'EB-7004')).toMatchObject({ industry: 'it', registrationStatus: 'waitlisted' });
    station.close();
  });

  it('reads a Google Forms CSV: お名前（ふりがな） is the reading, the contact-exchange question the vCard opt-in', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const preview = await api.previewImport(fixture('google-forms-furigana.csv'));
    expect(preview.mapping).toEqual(['ignore', 'email', 'name', 'nameKana', 'company', 'industry', 'goals', 'vcardOptIn']);
    await api.commitImport(fixture('google-forms-furigana.csv'));
    const [ren] = (await api.searchAttendees({ query: 'ひがし', limit: 5 })).items;
    expect(ren).toMatchObject({ name: '東 蓮', nameKana: 'ひがし れん', vcardOptIn: true, industry: 'finance', goals: ['network', 'learning'] });
    const [chihiro] = (await api.searchAttendees({ query: '辻', limit: 5 })).items;
    expect(chihiro).toMatchObject({ vcardOptIn: false, industry: 'education' });
    station.close();
  });

  it('marks people missing from a newer export as cancelled only when asked, and keeps every check-in', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const v1 = '受付番号,氏名,メールアドレス\nT-1,一 太郎,one@example.jp\nT-2,二 次郎,two@example.jp\nT-3,三 三郎,three@example.jp\nT-4,四 四郎,four@example.jp\n';
    await api.commitImport(csvInput('v1.csv', v1));
    const four = await byTicket(station, 'T-4');
    await api.checkIn({ attendeeId: four.id, source: 'search' });
    // The newer export lost T-2 and T-4; T-3 is present by e-mail only (its ticket code cell is empty).
    const v2 = '受付番号,氏名,メールアドレス\nT-1,一 太郎,one@example.jp\n,三 三郎,three@example.jp\n';
    const preview = await api.previewImport(csvInput('v2.csv', v2));
    expect(preview.counts).toMatchObject({ missing: 1, cancelled: 0 });
    // Named before the organizer chooses: the checked-in T-4 is not among them.
    expect(preview.missingPeople).toEqual([{ name: '二 次郎', ticketCode: 'T-2', company: '' }]);
    expect((await byTicket(station, 'T-2')).registrationStatus).toBe('registered');

    const asked = await api.previewImport(csvInput('v2.csv', v2, { cancelMissing: true }));
    expect(asked.counts).toMatchObject({ missing: 1, cancelled: 1 });
    const summary = await api.commitImport(csvInput('v2.csv', v2, { cancelMissing: true }));
    expect(summary.cancelled).toBe(1);
    expect(await byTicket(station, 'T-2')).toMatchObject({ registrationStatus: 'cancelled', name: '二 次郎', email: 'two@example.jp' });
    // Checked in already: not cancelled, and the check-in stays.
    expect(await byTicket(station, 'T-4')).toMatchObject({ registrationStatus: 'registered', checkedIn: expect.objectContaining({ station: 'Door A' }) });
    expect(await api.getStatus()).toMatchObject({ expected: 3, checkedIn: 1 });
    station.close();
  });
});

describe('a messy 5,000-row export', () => {
  it('warns once per unmapped answer instead of once per row, and maps the rest by suggestion', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const preview = await api.previewImport({ fileName: 'messy.csv', contentBase64: messyLargeExport(5000).toString('base64') });
    // What a row-by-row report of every answer not literally in the lists came to before answer mapping.
    const perRowBefore = preview.answers.filter((a) => a.how !== 'listed').reduce((n, a) => n + a.rows, 0);
    const unmapped = preview.answers.filter((a) => a.how === 'none');
    expect(preview.problemCount).toBe(unmapped.length);
    expect(unmapped.map((a) => a.value).sort()).toEqual(['フリーランス', '世界平和', '宇宙', '特になし'].sort());
    expect(preview.problems.every((p) => p.rows !== undefined && p.rows > 1)).toBe(true);
    console.log(JSON.stringify({ messyRows: 5000, warningsPerRowBefore: perRowBefore, warningsAfter: preview.problemCount }));
    expect(perRowBefore).toBeGreaterThan(5000);
    expect(preview.counts).toMatchObject({ rows: 5000, new: 5000, skipped: 0 });
    station.close();
  });
});
