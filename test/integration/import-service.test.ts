import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { appendEntries, readEntries } from '../../electron/core/log/append';
import { foldEntries } from '../../shared/domain/fold';
import type { ImportInput } from '../../shared/api/methods/import';
import { openTestStation } from '../helpers/service';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

function fixture(name: string, mapping?: ImportInput['mapping']): ImportInput {
  return { fileName: name, contentBase64: fs.readFileSync(path.join(FIXTURES, name)).toString('base64'), ...(mapping ? { mapping } : {}) };
}
function bytesInput(fileName: string, bytes: Buffer): ImportInput {
  return { fileName, contentBase64: bytes.toString('base64') };
}

describe('importing registration exports', () => {
  it('previews a Peatix-like CP932 file with a title line and writes nothing', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const preview = await api.previewImport(fixture('peatix-cp932.csv'));
    expect(preview).toMatchObject({ format: 'csv', encoding: 'cp932', headerRow: 2 });
    expect(preview.headers).toContain('フリガナ');
    expect(preview.mapping.slice(0, 5)).toEqual(['ticketCode', 'ticketType', 'name', 'nameKana', 'email']);
    expect(preview.counts).toMatchObject({ rows: 6, new: 6, updated: 0, skipped: 0 });
    expect(preview.sampleRows[0]?.[2]).toBe('髙橋 健一');
    expect(preview.problems).toEqual([
      expect.objectContaining({ code: 'unknown-industry', severity: 'warning', row: 6, column: '業種', value: '宇宙', where: 'peatix-cp932.csv row 6 column 業種' }),
    ]);
    expect(readEntries(station.db)).toHaveLength(0);
    station.close();
  });

  it('imports each kind of export and finds the people afterwards', async () => {
    const station = openTestStation();
    const { api } = station.service;
    for (const name of ['peatix-cp932.csv', 'connpass-utf8.csv', 'eventbrite-bom.csv', 'google-forms.xlsx']) {
      const summary = await api.commitImport(fixture(name));
      expect(summary.skipped, name).toBe(0);
      expect(summary.imported, name).toBeGreaterThan(0);
    }
    const takahashi = (await api.searchAttendees({ query: '高橋', limit: 50 })).items[0];
    expect(takahashi).toMatchObject({ name: '髙橋 健一', ticketCode: 'PX-1001', industry: 'it', goals: ['network', 'partners'] });
    const kohno = (await api.searchAttendees({ query: 'ｺｳﾉ', limit: 50 })).items[0];
    expect(kohno).toMatchObject({ name: '河野 翔太', nameKana: 'コウノ ショウタ' });
    const watanabe = (await api.searchAttendees({ query: '渡辺', limit: 50 })).items[0];
    expect(watanabe?.note).toContain('業種: 宇宙');
    const tsuda = (await api.searchAttendees({ query: 'CP-0002', limit: 50 })).items[0];
    expect(tsuda?.note).toBe('車椅子で来場します。\n入口の案内をお願いします');
    const smith = (await api.searchAttendees({ query: 'eb-aaa-111', limit: 50 })).items[0];
    expect(smith).toMatchObject({ name: 'John Smith', company: 'Acme Systems Inc.', industry: 'it', goals: ['partners'] });
    const emily = (await api.searchAttendees({ query: 'emily', limit: 50 })).items[0];
    expect(emily).toMatchObject({ goals: ['ideas', 'network'], company: 'Blue Ocean Foods Co., Ltd.' });
    const first = async (query: string): Promise<string | undefined> => (await api.searchAttendees({ query, limit: 50 })).items[0]?.name;
    const variants: [string, string][] = [
      ['高橋健一', '髙橋 健一'], ['髙橋 健一', '髙橋 健一'], ['林', '林 大輔'], ['ヤマザキ', '山﨑 美咲'], ['やまざき', '山﨑 美咲'],
      ['ﾔﾏｻﾞｷ', '山﨑 美咲'], ['saitou tsubasa', '齋藤 翼'], ['saito tubasa', '齋藤 翼'], ['斎藤', '齋藤 翼'], ['斉藤', '齋藤 翼'],
      ['東京フード', '山﨑 美咲'], ['株式会社東京フード', '山﨑 美咲'], ['(株)東京フード', '山﨑 美咲'], ['Acme Systems', 'John Smith'],
      ['acme systems inc.', 'John Smith'], ['hanako.w@', '渡邉 花子'], ['px1003', '河野 翔太'], ['PX-1003', '河野 翔太'], ['ＰＸ－１００３', '河野 翔太'],
      ['eb-aaa-113', 'Taro Kohno'],
    ];
    for (const [query, name] of variants) expect(await first(query), query).toBe(name);
    expect(await first('shimizu')).toBeUndefined();
    for (const spelling of ['kono', 'kouno', 'kohno', 'kōno', 'KONO']) {
      expect((await api.searchAttendees({ query: spelling, limit: 50 })).items.map((a) => a.name), spelling).toEqual(['Taro Kohno', '河野 翔太']);
    }
    const ren = (await api.searchAttendees({ query: 'ひがし', limit: 50 })).items[0];
    expect(ren).toMatchObject({ name: '東 蓮', industry: 'finance', goals: ['ideas', 'network'], lookingFor: ['it', 'healthcare'] });
    station.close();
  });

  it('updates people on re-import by ticket code, else e-mail, and never touches check-ins', async () => {
    const station = openTestStation();
    const { api } = station.service;
    await api.commitImport(fixture('connpass-utf8.csv'));
    const yamada = (await api.searchAttendees({ query: 'CP-0001', limit: 5 })).items[0];
    if (!yamada) throw new Error('not imported');
    const checkin = await api.checkIn({ attendeeId: yamada.id, source: 'search' });
    const manual = await api.addAttendee({ name: '森 愛', email: 'ai.mori@example.jp' });

    const updated = [
      '受付番号,表示名,所属,メールアドレス',
      'CP-0001,山田 太郎,株式会社新しい会社,',
      ',森 愛,Maple Partners,AI.MORI@example.jp',
      'CP-0009,新人 花子,,new@example.jp',
    ].join('\n');
    const summary = await api.commitImport(bytesInput('connpass-v2.csv', Buffer.from(updated)));
    expect(summary).toMatchObject({ imported: 1, updated: 2, unchanged: 0, skipped: 0 });

    const after = await api.getAttendee({ id: yamada.id });
    expect(after.company).toBe('株式会社新しい会社');
    expect(after.checkedIn).toEqual(checkin.attendee.checkedIn);
    expect((await api.getAttendee({ id: manual.id })).company).toBe('Maple Partners');
    expect((await api.getStatus()).expected).toBe(6);
    expect(readEntries(station.db).filter((e) => e.type.startsWith('checkin'))).toHaveLength(1);

    const again = await api.commitImport(bytesInput('connpass-v2.csv', Buffer.from(updated)));
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });

    // The bulk path projects exactly what the reference fold and the general path make of the log.
    const folded = foldEntries(readEntries(station.db));
    for (const [id, expected] of folded.attendees) expect(await api.getAttendee({ id })).toEqual(expected);
    const replica = openTestStation();
    appendEntries(replica.db, [...readEntries(station.db)].reverse());
    for (const [id, expected] of folded.attendees) expect(await replica.service.api.getAttendee({ id })).toEqual(expected);
    replica.close();
    station.close();
  });

  it('reports every problem with row and column and imports only the good rows', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const summary = await api.commitImport(fixture('broken.csv'));
    expect(summary).toMatchObject({ imported: 2, skipped: 3 });
    expect(summary.problems.map((p) => [p.code, p.row, p.column ?? null])).toEqual([
      ['missing-name', 3, '氏名'],
      ['duplicate-ticket', 4, '受付番号'],
      ['wrong-field-count', 5, null],
      ['unknown-industry', 6, '業種'],
      ['unknown-goal', 6, '参加目的'],
    ]);
    station.close();
  });

  it('reports a 1 MB cell and undecodable bytes by row and column', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const big = `氏名,会社名\n山田 太郎,"${'あ'.repeat(1_048_576)}"\n佐藤 花子,株式会社テック\n`;
    const bigSummary = await api.commitImport(bytesInput('big.csv', Buffer.from(big)));
    expect(bigSummary).toMatchObject({ imported: 1, skipped: 1 });
    expect(bigSummary.problems[0]).toMatchObject({ code: 'cell-too-long', row: 2, column: '会社名' });

    const cp932 = Buffer.concat([iconv.encode('氏名,会社名\r\n髙橋 健一,', 'cp932'), Buffer.from([0x85, 0x40, 0xfd]), iconv.encode('\r\n山﨑 美咲,株式会社\r\n', 'cp932')]);
    const preview = await api.previewImport(bytesInput('garbled.csv', cp932));
    expect(preview.encoding).toBe('cp932');
    expect(preview.problems[0]).toMatchObject({ code: 'undecodable', row: 2, column: '会社名' });
    expect(preview.counts).toMatchObject({ new: 1, skipped: 1 });
    station.close();
  });

  it('refuses what is not a table with one clear error and changes nothing', async () => {
    const station = openTestStation();
    const { api } = station.service;
    await expect(api.commitImport(fixture('not-a-table.pdf'))).rejects.toThrow(/not-a-table\.pdf is not a table/);
    await expect(api.commitImport(bytesInput('notes.txt', Buffer.from('今日は晴れ。\n明日は雨。\n')))).rejects.toThrow(/is not a table/);
    await expect(api.commitImport(bytesInput('empty.csv', Buffer.alloc(0)))).rejects.toThrow(/empty/);
    await expect(api.commitImport(bytesInput('fake.xlsx', Buffer.from('a,b\n1,2\n')))).rejects.toThrow(/not a workbook/);
    // Columns but none holding a name: nothing is written until the organizer maps one.
    await expect(api.commitImport(bytesInput('codes.csv', Buffer.from('x,y\n1,2\n')))).rejects.toThrow(/name/);
    expect(readEntries(station.db)).toHaveLength(0);
    station.close();
  });

  it('uses the mapping the organizer chose', async () => {
    const station = openTestStation();
    const { api } = station.service;
    const file = bytesInput('codes.csv', Buffer.from('x,y,z\nMU-1,山田 太郎,memo\n'));
    const preview = await api.previewImport({ ...file, mapping: ['ticketCode', 'name', 'ignore'] });
    expect(preview.counts.new).toBe(1);
    await api.commitImport({ ...file, mapping: ['ticketCode', 'name', 'ignore'] });
    expect((await api.searchAttendees({ query: 'mu1', limit: 5 })).items[0]).toMatchObject({ name: '山田 太郎', note: '' });
    await expect(api.previewImport({ ...file, mapping: ['name'] })).rejects.toThrow(/mapping has 1 columns/);
    station.close();
  });
});
