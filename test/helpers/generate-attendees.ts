import type { PartialAttendeeFields } from '../../shared/domain/attendee';

/**
 * Seeded, realistic attendees for benchmarks and property tests: Japanese names with readings
 * (including variant kanji such as 髙橋 and 齋藤), English names, companies with and without
 * 株式会社/(株)/Inc., e-mail addresses and ticket codes.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const FAMILY_NAMES: [string, string, string][] = [
  ['佐藤', 'サトウ', 'sato'], ['鈴木', 'スズキ', 'suzuki'], ['高橋', 'タカハシ', 'takahashi'], ['髙橋', 'タカハシ', 'takahashi'],
  ['田中', 'タナカ', 'tanaka'], ['伊藤', 'イトウ', 'ito'], ['渡辺', 'ワタナベ', 'watanabe'], ['渡邉', 'ワタナベ', 'watanabe'],
  ['山本', 'ヤマモト', 'yamamoto'], ['中村', 'ナカムラ', 'nakamura'], ['小林', 'コバヤシ', 'kobayashi'], ['加藤', 'カトウ', 'kato'],
  ['吉田', 'ヨシダ', 'yoshida'], ['山田', 'ヤマダ', 'yamada'], ['佐々木', 'ササキ', 'sasaki'], ['山口', 'ヤマグチ', 'yamaguchi'],
  ['松本', 'マツモト', 'matsumoto'], ['井上', 'イノウエ', 'inoue'], ['木村', 'キムラ', 'kimura'], ['林', 'ハヤシ', 'hayashi'],
  ['斎藤', 'サイトウ', 'saito'], ['齋藤', 'サイトウ', 'saito'], ['清水', 'シミズ', 'shimizu'], ['山﨑', 'ヤマザキ', 'yamazaki'],
  ['森', 'モリ', 'mori'], ['池田', 'イケダ', 'ikeda'], ['橋本', 'ハシモト', 'hashimoto'], ['阿部', 'アベ', 'abe'],
  ['石川', 'イシカワ', 'ishikawa'], ['中島', 'ナカジマ', 'nakajima'], ['前田', 'マエダ', 'maeda'], ['長谷川', 'ハセガワ', 'hasegawa'],
  ['後藤', 'ゴトウ', 'goto'], ['近藤', 'コンドウ', 'kondo'], ['遠藤', 'エンドウ', 'endo'], ['河野', 'コウノ', 'kono'],
  ['大野', 'オオノ', 'ono'], ['小野', 'オノ', 'ono'], ['津田', 'ツダ', 'tsuda'], ['千葉', 'チバ', 'chiba'],
  ['大塚', 'オオツカ', 'otsuka'], ['東', 'ヒガシ', 'higashi'], ['辻', 'ツジ', 'tsuji'], ['堤', 'ツツミ', 'tsutsumi'],
  ['西澤', 'ニシザワ', 'nishizawa'], ['長濱', 'ナガハマ', 'nagahama'], ['本間', 'ホンマ', 'homma'], ['服部', 'ハットリ', 'hattori'],
];

export const GIVEN_NAMES: [string, string, string][] = [
  ['太郎', 'タロウ', 'taro'], ['花子', 'ハナコ', 'hanako'], ['翔太', 'ショウタ', 'shota'], ['健一', 'ケンイチ', 'kenichi'],
  ['陽菜', 'ヒナ', 'hina'], ['美咲', 'ミサキ', 'misaki'], ['大輔', 'ダイスケ', 'daisuke'], ['翼', 'ツバサ', 'tsubasa'],
  ['真一', 'シンイチ', 'shinichi'], ['優子', 'ユウコ', 'yuko'], ['直樹', 'ナオキ', 'naoki'], ['彩', 'アヤ', 'aya'],
  ['拓也', 'タクヤ', 'takuya'], ['恵美', 'エミ', 'emi'], ['俊介', 'シュンスケ', 'shunsuke'], ['智子', 'トモコ', 'tomoko'],
  ['修', 'オサム', 'osamu'], ['聡', 'サトシ', 'satoshi'], ['千尋', 'チヒロ', 'chihiro'], ['蓮', 'レン', 'ren'],
  ['結衣', 'ユイ', 'yui'], ['悠人', 'ユウト', 'yuto'], ['愛', 'アイ', 'ai'], ['純一', 'ジュンイチ', 'junichi'],
];

const ENGLISH_FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Emily', 'Daniel', 'Sarah', 'Chris', 'Laura', 'Kevin', 'Anna'];
const ENGLISH_LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Anderson', 'Thomas', 'Moore', 'Martin', 'Lee', 'Clark'];
const COMPANY_PARTS = ['東京', '大阪', '日本', 'みらい', 'グローバル', 'テック', 'データ', 'メディカル', 'フード', '建設', '商事', '電機', 'ソリューションズ', 'ネットワークス', 'エナジー', 'ラボ'];
const LATIN_PARTS = ['Acme', 'Blue Ocean', 'Sakura', 'Nova', 'Fuji', 'Kite', 'Orbit', 'Harbor', 'Maple', 'Quantum', 'Summit', 'Zen'];
const DOMAINS = ['example.com', 'example.co.jp', 'mail.example.jp', 'corp.example.net'];
const INDUSTRIES = ['it', 'manufacturing', 'finance', 'healthcare', 'education', 'retail', 'media', 'student'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

function company(random: () => number): string {
  const r = random();
  if (r < 0.5) {
    const base = pick(random, COMPANY_PARTS) + pick(random, COMPANY_PARTS);
    return pick(random, [`株式会社${base}`, `${base}株式会社`, `(株)${base}`, `㈱${base}`, `有限会社${base}`, base]);
  }
  const base = `${pick(random, LATIN_PARTS)} ${pick(random, ['Systems', 'Labs', 'Works', 'Partners', 'Foods', 'Health'])}`;
  return pick(random, [`${base} Inc.`, `${base} Co., Ltd.`, `${base} LLC`, base]);
}

export function ticketCodeFor(i: number, random: () => number): string {
  const letters = String.fromCharCode(65 + Math.floor(random() * 26), 65 + Math.floor(random() * 26));
  return `MU-${String(i).padStart(6, '0')}-${letters}`;
}

/** One attendee; about one in five has an English name. */
export function generateAttendee(i: number, random: () => number): PartialAttendeeFields & { romaji: string } {
  let name: string;
  let nameKana: string;
  let romaji: string;
  if (random() < 0.2) {
    const first = pick(random, ENGLISH_FIRST);
    const last = pick(random, ENGLISH_LAST);
    name = `${first} ${last}`;
    nameKana = '';
    romaji = `${first}.${last}`.toLowerCase();
  } else {
    const [family, familyKana, familyRomaji] = pick(random, FAMILY_NAMES);
    const [given, givenKana, givenRomaji] = pick(random, GIVEN_NAMES);
    name = random() < 0.7 ? `${family} ${given}` : `${family}${given}`;
    nameKana = `${familyKana} ${givenKana}`;
    romaji = `${givenRomaji}.${familyRomaji}`;
  }
  return {
    ticketCode: ticketCodeFor(i, random),
    name,
    nameKana,
    company: company(random),
    title: pick(random, ['', '部長', '課長', 'エンジニア', 'Manager', 'CEO', '学生']),
    industry: pick(random, INDUSTRIES),
    email: `${romaji}${i}@${pick(random, DOMAINS)}`,
    romaji,
  };
}

export function generateAttendees(count: number, seed = 42): (PartialAttendeeFields & { romaji: string })[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => generateAttendee(i, random));
}
