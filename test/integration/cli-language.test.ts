import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMusubi } from '../helpers/processes';
import { openTestStation } from '../helpers/service';
import { tempDir } from '../helpers/temp';

/** The `musubi` command in the organizer's language, with times in the station's time zone. */
describe('musubi in Japanese and English', () => {
  it('answers in Japanese under a Japanese locale, in English with --lang en, and prints local times with the offset', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'door.db');
    const station = openTestStation({ file });
    await station.service.api.addAttendee({ name: '田中 一郎', ticketCode: 'C-7' });
    station.close();
    const japanese = { MUSUBI_LANG: '', LANG: 'ja_JP.UTF-8', TZ: 'Asia/Tokyo' };

    const first = await runMusubi(['checkin', 'C-7', '--db', file, '--station', '東口'], japanese);
    expect(first).toMatchObject({ code: 0, stdout: 'C-7：東口 で受付しました\n' });
    const again = await runMusubi(['checkin', 'C-7', '--db', file], japanese);
    // "2026-12-02 07:05:09 +09:00": the station's local time and its offset, never a bare UTC stamp.
    expect(again.stdout).toMatch(/^C-7：受付済みです（東口、\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+09:00）\n$/);
    const inEnglish = await runMusubi(['checkin', 'C-7', '--db', file, '--lang', 'en'], { ...japanese, TZ: 'America/New_York' });
    expect(inEnglish.stdout).toMatch(/^C-7: already checked in at 東口 \d{4}-\d\d-\d\d \d\d:\d\d:\d\d -0[45]:00\n$/);

    const unknown = await runMusubi(['checkin', 'NOPE', '--db', file], japanese);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('受付番号 NOPE の参加者はいません。');
    const missing = await runMusubi(['export', '--db', path.join(dir, 'typo.db'), '--out', path.join(dir, 'x.csv')], japanese);
    expect(missing.stderr).toContain('にデータベースがありません。');

    const csv = path.join(dir, 'list.csv');
    fs.writeFileSync(csv, '氏名,会社名\n山田 花子,結び商事\n鈴木 次郎,\n');
    const imported = await runMusubi(['import', csv, '--db', file], japanese);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('list.csv から取り込みました。新規 2 人');
    const help = await runMusubi(['--help'], japanese);
    expect(help.stdout).toContain('異業種交流会の受付と名札');
    expect(help.stdout).toContain('このヘルプを表示');
    const helpEn = await runMusubi(['--lang', 'en', 'import', '--help'], japanese);
    expect(helpEn.stdout).toContain('import a registration export');
  }, 60_000);

  it('says import problems and warnings in Japanese under a Japanese locale or --lang ja, and in English with --lang en', async () => {
    const dir = tempDir();
    const fixtures = path.resolve(import.meta.dirname, '../fixtures/import');
    const japanese = { MUSUBI_LANG: '', LANG: 'ja_JP.UTF-8' };

    const broken = await runMusubi(['import', path.join(fixtures, 'broken.csv'), '--db', path.join(dir, 'a.db'), '--dry-run'], japanese);
    expect(broken.code, broken.stderr).toBe(0);
    const lines = broken.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        'エラー: broken.csv 3 行目「氏名」列: 氏名が空欄です。この行は取り込みません。',
        'エラー: broken.csv 4 行目「受付番号」列: 受付番号が 2 行目と同じです。この行は取り込みません。',
        'エラー: broken.csv 5 行目: 項目の数（4）が見出しと合いません。この行は取り込みません。',
        "注意: broken.csv 6 行目「業種」列: 「宇宙開発」（1 行）はこのイベントの業種の一覧にないため、メモに残しました。業種に割り当てるには --value-map 'industry:宇宙開発=<id>'",
        "注意: broken.csv 6 行目「参加目的」列: 「世界征服」（1 行）はこのイベントの参加目的の一覧にないため、メモに残しました。参加目的に割り当てるには --value-map 'goal:世界征服=<id>'",
      ]),
    );
    // Nothing of core's English wording reaches a Japanese organizer.
    expect(broken.stderr).not.toMatch(/\b(row|column|warning|error|is not one of)\b/);

    const status = path.join(dir, 'status.csv');
    fs.writeFileSync(status, '氏名,ステータス\n山田 花子,参加\n鈴木 次郎,よくわからない\n');
    const unknownStatus = await runMusubi(['import', status, '--db', path.join(dir, 'b.db'), '--lang', 'ja'], { MUSUBI_LANG: '', LANG: 'C' });
    expect(unknownStatus.stderr).toContain('注意: status.csv 3 行目「ステータス」列: 申込状況「よくわからない」（1 行）は判別できないため、参加予定として取り込みました。');

    const badMap = await runMusubi(['import', status, '--db', path.join(dir, 'b.db'), '--value-map', 'company:宇宙=other'], japanese);
    expect(badMap.code).not.toBe(0);
    expect(badMap.stderr).toContain('「company」という項目はありません。industry、lookingFor、goals のどれかを使ってください。');

    const english = await runMusubi(['import', path.join(fixtures, 'broken.csv'), '--db', path.join(dir, 'c.db'), '--dry-run', '--lang', 'en'], japanese);
    expect(english.stderr).toContain('error: broken.csv row 3 column 氏名: This row has no name; it is left out.');
    expect(english.stderr).toContain("warning: broken.csv row 6 column 業種: “宇宙開発” (rows: 1) is not one of the event’s industries; it is kept in the note. Map it with --value-map 'industry:宇宙開発=<id>'.");
  }, 60_000);
});
