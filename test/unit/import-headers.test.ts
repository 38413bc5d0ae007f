import { describe, expect, it } from 'vitest';
import { CatalogueMatcher, splitAnswers, yesNoAnswer } from '../../electron/core/import/catalogue';
import { detectHeaderRow, detectMapping } from '../../electron/core/import/headers';
import { DEFAULT_GOALS, DEFAULT_INDUSTRIES } from '../../shared/domain/defaults';
import iconv from 'iconv-lite';
import { decodeAll } from '../helpers/encoded-files';

describe('import headers and values', () => {
  it('maps the usual Japanese headers', () => {
    expect(detectMapping(['受付番号', '氏名（必須）', 'フリガナ', '会社名', '役職', '業種', '参加目的', 'メールアドレス', '電話番号', '購入日時'])).toEqual([
      'ticketCode', 'name', 'nameKana', 'company', 'title', 'industry', 'goals', 'email', 'phone', 'ignore',
    ]);
    expect(detectMapping(['姓', '名', 'セイ', 'メイ', '所属'])).toEqual(['familyName', 'givenName', 'familyKana', 'givenKana', 'company']);
  });

  it('maps English headers and prefers the barcode as the ticket code', () => {
    expect(detectMapping(['Order #', 'First Name', 'Last Name', 'Email', 'Ticket Type', 'Attendee #', 'Barcode #', 'Organization', 'Job Title'])).toEqual([
      'ignore', 'givenName', 'familyName', 'email', 'ticketType', 'ignore', 'ticketCode', 'company', 'title',
    ]);
  });

  it('maps the usual ticket-type columns to the ticket type, never to the ticket code', () => {
    for (const header of ['チケット種別', 'チケット名', '参加枠', 'Ticket type', 'チケット種別（必須）', 'ﾁｹｯﾄ種別']) {
      expect(detectMapping(['氏名', header, 'チケット番号'])).toEqual(['name', 'ticketType', 'ticketCode']);
    }
  });

  it('maps the partner-suggestion consent column, but not the privacy-policy 同意', () => {
    expect(detectMapping(['氏名', '紹介の同意（任意）', '個人情報の取り扱いへの同意'])).toEqual(['name', 'partnerConsent', 'ignore']);
    expect(detectMapping(['Name', 'Partner suggestions'])).toEqual(['name', 'partnerConsent']);
    expect(detectMapping(['お名前', '交流希望'])).toEqual(['name', 'partnerConsent']);
    expect(detectMapping(['Name', 'Consent'])).toEqual(['name', 'partnerConsent']);
  });

  it('takes the name from the real-name columns and keeps a display name as the nickname', () => {
    // connpass with a name question: 表示名 is the account's display name, 姓 + 名 the real name.
    expect(detectMapping(['参加枠名', 'ユーザー名', '表示名', '姓', '名', '参加ステータス'])).toEqual([
      'ignore', 'ignore', 'nickname', 'familyName', 'givenName', 'registrationStatus',
    ]);
    expect(detectMapping(['氏名', 'ニックネーム'])).toEqual(['name', 'nickname']);
    expect(detectMapping(['First Name', 'Last Name', 'Display name', 'Nickname'])).toEqual(['givenName', 'familyName', 'nickname', 'ignore']);
  });

  it('reads a reading in brackets as the reading, not the name', () => {
    expect(detectMapping(['タイムスタンプ', 'お名前', 'お名前（ふりがな）'])).toEqual(['ignore', 'name', 'nameKana']);
    expect(detectMapping(['お名前（漢字）', 'お名前（フリガナ）'])).toEqual(['name', 'nameKana']);
    expect(detectMapping(['氏名', '氏名(カナ)'])).toEqual(['name', 'nameKana']);
    expect(detectMapping(['姓（ふりがな）', '名（ふりがな）', '姓', '名'])).toEqual(['familyKana', 'givenKana', 'familyName', 'givenName']);
    expect(detectMapping(['Name', 'Name (reading)'])).toEqual(['name', 'nameKana']);
  });

  it('maps the status columns of the usual exports and the contact-exchange question', () => {
    expect(detectMapping(['氏名', 'ステータス'])).toEqual(['name', 'registrationStatus']);
    expect(detectMapping(['First Name', 'Last Name', 'Attendee Status'])).toEqual(['givenName', 'familyName', 'registrationStatus']);
    expect(detectMapping(['氏名', '名刺交換（QR）', '交流相手の紹介への同意'])).toEqual(['name', 'vcardOptIn', 'partnerConsent']);
    expect(detectMapping(['Name', 'vCard contact exchange'])).toEqual(['name', 'vcardOptIn']);
  });

  it('reads yes/no answers; anything unclear is not consent', () => {
    expect(['はい', '同意する', 'Yes', 'ＹＥＳ', '○', 'true', '1'].map(yesNoAnswer)).toEqual([true, true, true, true, true, true, true]);
    expect(['いいえ', '同意しない', 'No', '×', '0'].map(yesNoAnswer)).toEqual([false, false, false, false, false]);
    expect(['たぶん', 'maybe', '後で'].map(yesNoAnswer)).toEqual([undefined, undefined, undefined]);
  });

  it('finds the header row below a title line', () => {
    expect(detectHeaderRow([['参加者リスト'], ['', ''], ['チケット番号', '氏名', 'メールアドレス'], ['1', '山田', 'a@example.jp']])).toBe(2);
  });

  it('detects UTF-8, its BOM and CP932 without being told', async () => {
    expect((await decodeAll(Buffer.from('氏名\n髙橋'))).encoding).toBe('utf-8');
    expect(await decodeAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Name')]))).toEqual({ encoding: 'utf-8-bom', lossy: false, text: 'Name' });
    const cp932 = await decodeAll(iconv.encode('氏名\r\n髙橋 﨑', 'cp932'));
    // Lossy: CP932 has no U+FFFD of its own, so one in its text is always a byte it could not read.
    expect(cp932).toEqual({ encoding: 'cp932', text: '氏名\r\n髙橋 﨑', lossy: true });
    // UTF-8 with one broken byte stays UTF-8 (the broken cell is reported), not garbled CP932.
    const truncated = await decodeAll(Buffer.concat([Buffer.from('氏名,会社\n山田 太郎,結び'), Buffer.from([0xe5, 0x95]), Buffer.from('\n林 修,テック\n')]));
    expect(truncated).toMatchObject({ encoding: 'utf-8', lossy: true });
    expect(truncated.text).toContain('林 修,テック');
  });

  it('matches industries and goals by id or label, ignoring width and case', () => {
    const industries = new CatalogueMatcher(DEFAULT_INDUSTRIES);
    expect(['IT・通信', 'ＩＴ通信', 'it & telecom', 'IT'].map((v) => industries.match(v))).toEqual(['it', 'it', 'it', 'it']);
    expect(industries.match('宇宙')).toBeUndefined();
    const goals = new CatalogueMatcher(DEFAULT_GOALS);
    expect(splitAnswers('アイデア創出, 人脈拡大、Hiring').map((v) => goals.match(v))).toEqual(['ideas', 'network', 'hiring']);
  });
});
