import type { ImportTarget } from '../../../shared/api/methods/import';
import { katakanaToHiragana } from '../../../shared/text/normalize';

/**
 * The column headers of the usual Japanese and English registration exports (Peatix, connpass,
 * Eventbrite, Google Forms, hand-made sheets). Compared after folding width, case, kana, spaces,
 * punctuation and remarks such as （必須）. Earlier synonyms win when two columns claim the same
 * field (Eventbrite has both "Barcode #" and "Attendee #"; the barcode is what gets scanned).
 */
const SYNONYMS: [Exclude<ImportTarget, 'ignore'>, string[]][] = [
  ['ticketCode', ['受付番号', 'チケット番号', 'バーコード', 'barcode', 'barcode#', 'ticket#', 'ticketnumber', 'ticketcode', 'ticketno', 'ticketid', 'チケットid', '参加者id', '参加者番号', '参加番号', '整理番号', '申込番号', 'attendee#', 'attendeeid', 'attendeenumber', 'registrationid', 'registrationnumber', 'qrコード', 'qrcode', 'ticket']],
  ['familyKana', ['セイ', '姓フリガナ', '姓カナ', '姓ふりがな', '姓よみ', 'みょうじふりがな', 'lastnamekana', 'familynamekana']],
  ['givenKana', ['メイ', '名フリガナ', '名カナ', '名ふりがな', '名よみ', 'firstnamekana', 'givennamekana']],
  ['nameKana', ['フリガナ', 'ふりがな', 'ヨミガナ', 'よみがな', 'カナ', 'カナ氏名', '氏名カナ', '氏名フリガナ', '氏名ふりがな', '氏名よみがな', 'お名前フリガナ', 'お名前ふりがな', 'お名前よみがな', 'お名前カナ', '名前フリガナ', '名前ふりがな', '名前よみがな', '参加者氏名フリガナ', 'ふりがな氏名', 'フリガナ氏名', 'よみ', '読み仮名', '読みがな', 'furigana', 'kana', 'namekana', 'namereading', 'reading', 'phoneticname', 'yomi']],
  ['familyName', ['姓', '苗字', '名字', '姓漢字', 'lastname', 'familyname', 'surname']],
  ['givenName', ['名', '名漢字', 'firstname', 'givenname', 'forename']],
  // The real name. A display name or nickname (connpass 表示名) is the nickname, never the name.
  ['name', ['氏名', 'お名前', '名前', '氏名漢字', '参加者名', '参加者氏名', '参加者', '本名', 'name', 'fullname', 'attendeename', 'yourname', 'participant', 'realname']],
  ['nickname', ['表示名', 'ニックネーム', 'ハンドルネーム', 'ハンドル名', '呼び名', '呼ばれたい名前', 'displayname', 'nickname', 'nick', 'handle', 'handlename', 'screenname']],
  ['company', ['会社名', '所属', '勤務先', '会社', '企業名', '所属先', '所属名', '団体名', '組織名', '会社団体名', '所属組織', '所属会社', '会社名団体名', '学校名', 'company', 'companyname', 'organization', 'organisation', 'employer', 'affiliation']],
  ['title', ['役職', '肩書き', '肩書', '役職名', '部署役職', 'jobtitle', 'title', 'position', 'role']],
  ['industry', ['業種', '業界', 'ご職業業種', '業種業界', 'industry', 'sector']],
  ['goals', ['参加目的', '目的', '参加の目的', 'ご参加の目的', '今日の目的', 'goal', 'goals', 'purpose', 'objective', 'objectives']],
  ['lookingFor', ['会いたい業種', '会いたい人', '交流したい業種', 'lookingfor', 'wanttomeet']],
  // Agreement to appear in other attendees' partner suggestions. A bare 同意 is left out on purpose:
  // on Japanese forms it is almost always the privacy-policy checkbox, not this question.
  ['partnerConsent', ['紹介の同意', '紹介への同意', '交流希望', 'ご紹介の同意', 'マッチング希望', 'マッチングの同意', '交流相手の紹介', '参加者紹介', 'partnersuggestions', 'partnerconsent', 'matchmaking', 'introductions', 'consent']],
  // Contact exchange by QR code (the vCard on the badge): a yes/no column like the consent above.
  ['vcardOptIn', ['名刺交換', '名刺交換希望', '名刺交換の希望', 'デジタル名刺', 'デジタル名刺交換', '連絡先交換', '連絡先の交換', '連絡先交換希望', 'vcard', 'vcardoptin', 'contactexchange', 'exchangecontacts', 'sharecontact', 'sharemycontact', 'businesscardexchange']],
  // Where the person stands with the registration (registration-status.ts reads the values).
  ['registrationStatus', ['ステータス', '参加ステータス', '申込ステータス', '申し込みステータス', 'チケットステータス', '出欠ステータス', '申込状況', '申し込み状況', '参加状況', '状態', '支払い状況', '支払状況', '決済状況', 'status', 'attendeestatus', 'registrationstatus', 'ticketstatus', 'orderstatus', 'attendancestatus', 'paymentstatus']],
  ['email', ['メールアドレス', 'メール', 'eメール', 'eメールアドレス', 'email', 'emailaddress', 'mail', 'mailaddress']],
  ['phone', ['電話番号', '電話', '携帯電話番号', '携帯番号', 'tel', 'phone', 'phonenumber', 'mobile', 'cellphone']],
  // Check-in lists (issue 14): the kind of ticket decides which lists admit a person. Kept as one
  // block so other header additions merge beside it.
  ['ticketType', ['チケット種別', 'チケット名', 'チケットの種類', 'チケット種類', '券種', '参加枠', '参加区分', '申込区分', 'tickettype', 'ticketname', 'tickettier', 'ticketclass']],
  ['note', ['備考', 'メモ', 'コメント', 'その他', 'note', 'notes', 'comment', 'comments', 'memo']],
];

/**
 * A reading in brackets names the field (「お名前（ふりがな）」 is the reading of the name, not the name),
 * so it is kept as a word; other remarks in brackets, "required"/"optional", spaces and punctuation
 * do not name a field.
 */
const READING_REMARK = /[(（[［【<＜「『]\s*(ふりがな|よみがな|かな|kana|furigana|reading|yomi)\s*[)）\]］】>＞」』]/g;

export function normalizeHeader(header: string): string {
  return katakanaToHiragana(header.normalize('NFKC').toLowerCase())
    .replace(READING_REMARK, '$1')
    .replace(/[(（[［【<＜「『].*?[)）\]］】>＞」』]/g, '')
    .replace(/必須|任意|required|optional/g, '')
    .replace(/[\s\u3000・:：*＊※._\-‐/／]+/g, '');
}

const LOOKUP = new Map<string, { target: Exclude<ImportTarget, 'ignore'>; priority: number }>();
for (const [target, names] of SYNONYMS) {
  names.forEach((name, priority) => {
    const key = normalizeHeader(name);
    if (!LOOKUP.has(key)) LOOKUP.set(key, { target, priority });
  });
}

/** Looser guesses for headers no synonym names exactly, e.g. "会社名（正式名称でご記入ください）". */
const CONTAINS: [RegExp, Exclude<ImportTarget, 'ignore'>][] = [
  [/メールアドレス|めーるあどれす|e?mail/, 'email'],
  [/ふりがな|ふりがな|furigana/, 'nameKana'],
  [/電話|phone/, 'phone'],
  [/会社|所属|勤務先|company|organi[sz]ation/, 'company'],
  [/紹介.*同意|交流希望|まっちんぐ|partnersuggestion|matchmaking/, 'partnerConsent'],
  [/名刺交換|vcard|contactexchange/, 'vcardOptIn'],
  [/業種|業界|industry/, 'industry'],
  [/目的|purpose|goal/, 'goals'],
  [/役職|肩書|jobtitle/, 'title'],
  [/受付番号|ちけっと番号|ticketnumber|barcode/, 'ticketCode'],
];

function guess(header: string): { target: Exclude<ImportTarget, 'ignore'>; priority: number } | undefined {
  const key = normalizeHeader(header);
  if (key === '') return undefined;
  const exact = LOOKUP.get(key);
  if (exact) return exact;
  for (const [pattern, target] of CONTAINS) if (pattern.test(key)) return { target, priority: 1000 };
  return undefined;
}

/** The field each column most likely holds; each field goes to at most one column. */
export function detectMapping(headers: readonly string[]): ImportTarget[] {
  const guesses = headers.map(guess);
  const best = new Map<ImportTarget, number>();
  guesses.forEach((g, column) => {
    if (!g) return;
    const holder = best.get(g.target);
    if (holder === undefined || (guesses[holder]?.priority ?? Infinity) > g.priority) best.set(g.target, column);
  });
  const mapping: ImportTarget[] = headers.map(() => 'ignore');
  for (const [target, column] of best) mapping[column] = target;
  return mapping;
}

/** How many cells of a record read as known headers. */
function score(record: readonly string[]): number {
  return record.filter((cell) => guess(cell) !== undefined).length;
}

/**
 * The header row: among the first records (some exports put a title or the event name above the
 * table), the one naming the most known fields; the first non-empty record when none names two.
 */
export function detectHeaderRow(records: readonly string[][]): number {
  let bestIndex = -1;
  let bestScore = 1;
  for (let i = 0; i < Math.min(records.length, 15); i++) {
    const s = score(records[i] ?? []);
    if (s > bestScore) {
      bestScore = s;
      bestIndex = i;
    }
  }
  if (bestIndex >= 0) return bestIndex;
  return records.findIndex((record) => record.some((cell) => cell.trim() !== ''));
}
