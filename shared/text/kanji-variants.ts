/**
 * Variant kanji (異体字) that registration systems and staff keyboards disagree on. Names are
 * registered with 髙橋 or 渡邉, staff type 高橋 or 渡辺: both sides are folded to the common form
 * before they are compared (docs/decisions.md "Search is an in-memory index per database"). Compatibility ideographs (U+F900…) are already
 * folded by NFKC; this table holds the ones NFKC leaves alone. Folding only ever widens a match.
 *
 * 斉 is folded with 齋/齊 into 斎 on purpose: staff who hear "さいとう" type whichever comes first.
 */
const VARIANTS: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  齋: '斎',
  齊: '斎',
  斉: '斎',
  邊: '辺',
  邉: '辺',
  澤: '沢',
  濱: '浜',
  濵: '浜',
  廣: '広',
  德: '徳',
  櫻: '桜',
  國: '国',
  圀: '国',
  眞: '真',
  實: '実',
  惠: '恵',
  壽: '寿',
  藏: '蔵',
  淺: '浅',
  瀨: '瀬',
  槇: '槙',
  冨: '富',
  嶋: '島',
  嶌: '島',
  峯: '峰',
  桒: '桑',
  舘: '館',
  曾: '曽',
  萬: '万',
  黑: '黒',
  兒: '児',
  彌: '弥',
  薗: '園',
  條: '条',
  與: '与',
  來: '来',
  會: '会',
  學: '学',
  賴: '頼',
  圓: '円',
  佛: '仏',
  晉: '晋',
  禮: '礼',
  龍: '竜',
  﨔: '欅',
  榮: '栄',
  驛: '駅',
  鐵: '鉄',
  聰: '聡',
  靜: '静',
  檜: '桧',
  莊: '荘',
  巖: '巌',
  嶽: '岳',
  戶: '戸',
  户: '戸',
};

// Every key is one UTF-16 unit, so the pattern needs no 'u' flag (which is much slower).
const VARIANT_PATTERN = new RegExp(`[${Object.keys(VARIANTS).join('')}]`, 'g');
/** 𠮷 (つちよし) lies outside the BMP; it is folded on its own. */
const TSUCHIYOSHI = '\u{20BB7}';

/** Replaces every variant kanji with its common form. */
export function foldKanjiVariants(text: string): string {
  const folded = text.replace(VARIANT_PATTERN, (char) => VARIANTS[char] ?? char);
  return folded.includes(TSUCHIYOSHI) ? folded.replaceAll(TSUCHIYOSHI, '吉') : folded;
}
