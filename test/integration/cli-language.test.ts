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
});
