import iconv from 'iconv-lite';

/**
 * Registration exports as people really fill them in, made the same way every time (no random
 * numbers: the counts measured from them are comparable across commits). Free-text answers that
 * are not the event's labels (金融 for 金融・保険, ＩＴ関連 in full width, 銀行, メーカー), answers
 * nobody's list has (宇宙, フリーランス, 世界平和), several goals in one cell, status columns with
 * cancellations, the waiting list and unpaid tickets. Used by the warning-count bench
 * (test/bench/import-warnings.bench.ts) and the tests that the warnings are grouped by value.
 */

const INDUSTRY_ANSWERS = ['金融', '製造業', 'ＩＴ関連', 'IT・通信', '銀行', '不動産', '建設業', '医療', '大学', 'メーカー', '広告代理店', '飲食業', '宇宙', 'フリーランス', '学生'];
const GOAL_ANSWERS = ['人脈を広げたい', '情報収集', '協業先を探したい', '採用活動', '人脈拡大', '新しいアイデアが欲しい', '世界平和', '特になし'];
const FAMILY = ['青木', '石田', '上野', '江口', '岡本', '加藤', '木村', '久保', '小林', '斉藤', '佐藤', '鈴木', '高橋', '田中', '中村', '西田', '野口', '橋本', '松本', '山田'];
const GIVEN = ['一郎', '花子', '健二', '結衣', '大輔', '美咲', '翔太', '陽菜', '拓也', '葵'];

const quote = (cells: readonly string[]): string => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

/**
 * A 40-person Peatix-style export: UTF-8 with a BOM, CRLF, every field quoted; ステータス with
 * 支払い済み, キャンセル済み, 支払い待ち and 期限切れ; 業種 and 参加目的 typed by the attendees.
 */
export function messyPeatixExport(people = 40): Buffer {
  const statuses = ['支払い済み', '支払い済み', '支払い済み', '支払い済み', '支払い済み', 'キャンセル済み', '支払い済み', '支払い待ち', '支払い済み', '期限切れ'];
  const lines = [quote(['チケット番号', 'チケット名', 'ステータス', '氏名', 'メールアドレス', '会社名', '業種', '参加目的', '名刺交換'])];
  for (let i = 0; i < people; i++) {
    const goals = i % 3 === 0 ? `${GOAL_ANSWERS[i % 8]!}、${GOAL_ANSWERS[(i + 3) % 8]!}` : GOAL_ANSWERS[(i * 5) % 8]!;
    lines.push(
      quote([
        `PX-${3001 + i}`,
        i % 4 === 0 ? '懇親会付き' : '一般',
        statuses[i % statuses.length]!,
        `${FAMILY[i % FAMILY.length]!} ${GIVEN[(i * 3) % GIVEN.length]!}`,
        `px${i}@example.jp`,
        `株式会社サンプル${i}`,
        INDUSTRY_ANSWERS[(i * 7) % INDUSTRY_ANSWERS.length]!,
        goals,
        i % 2 === 0 ? 'はい' : 'いいえ',
      ]),
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`)]);
}

/**
 * A 20-person connpass-style export in Shift_JIS (cp932): 表示名 beside 姓 and 名, 参加ステータス
 * with 参加, 補欠 and キャンセル, the form's 業種 and 参加目的 questions.
 */
export function messyConnpassExport(people = 20): Buffer {
  const statuses = ['参加', '参加', '参加', '補欠', '参加', 'キャンセル', '参加'];
  const lines = ['参加枠名,ユーザー名,表示名,姓,名,参加ステータス,所属,業種,参加目的,受付番号'];
  for (let i = 0; i < people; i++) {
    const family = FAMILY[(i * 3) % FAMILY.length]!;
    lines.push(
      [
        i % 5 === 4 ? '学生枠' : '一般枠',
        `user_${i}`,
        `${GIVEN[i % GIVEN.length]!.slice(0, 1)}@dev${i}`,
        family,
        GIVEN[(i * 7) % GIVEN.length]!,
        statuses[i % statuses.length]!,
        i % 5 === 4 ? '東京大学' : `合同会社コード${i}`,
        i % 5 === 4 ? '学生' : INDUSTRY_ANSWERS[(i * 4 + 2) % INDUSTRY_ANSWERS.length]!,
        `"${GOAL_ANSWERS[(i * 3) % 8]!}, ${GOAL_ANSWERS[(i + 1) % 8]!}"`,
        `CN-${String(i + 1).padStart(4, '0')}`,
      ].join(','),
    );
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932');
}

/** A large export of the same kind (5,000 rows by default), with a 会いたい業種 column too. */
export function messyLargeExport(rows = 5000): Buffer {
  const statuses = ['支払い済み', '支払い済み', '支払い済み', 'キャンセル済み', '支払い待ち'];
  const lines = ['チケット番号,ステータス,氏名,メールアドレス,業種,参加目的,会いたい業種'];
  for (let i = 0; i < rows; i++) {
    const goal = `${GOAL_ANSWERS[i % GOAL_ANSWERS.length]!}、${GOAL_ANSWERS[(i * 7 + 3) % GOAL_ANSWERS.length]!}`;
    lines.push(`M-${i},${statuses[i % statuses.length]!},参加 ${i},p${i}@example.jp,${INDUSTRY_ANSWERS[i % INDUSTRY_ANSWERS.length]!},"${goal}",${INDUSTRY_ANSWERS[(i * 7 + 1) % INDUSTRY_ANSWERS.length]!}`);
  }
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** The three exports of the "messy export", by the name their figures are reported under. */
export const MESSY_EXPORTS = [
  { name: 'peatix_40', fileName: 'peatix-40.csv', bytes: messyPeatixExport },
  { name: 'connpass_20', fileName: 'connpass-20-sjis.csv', bytes: messyConnpassExport },
  { name: '5000', fileName: 'messy-5000.csv', bytes: messyLargeExport },
] as const;
