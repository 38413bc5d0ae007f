import { toRomaji } from 'wanakana';

/**
 * A loose romaji key (docs/decisions.md "Search is an in-memory index per database"). People type a reading in
 * whichever spelling they learnt: こうの as kouno, kono, kohno or kōno; し as shi or si; つ as tsu or
 * tu. Instead of converting the query to kana (which gets those spellings wrong), the reading is
 * turned into romaji once at write time and both that and the query are folded into the same loose
 * form: Hepburn → Kunrei, long vowels and doubled consonants collapsed, macrons dropped.
 */
const RULES: [RegExp, string][] = [
  [/tch/g, 'ch'],
  [/shi/g, 'si'],
  [/chi/g, 'ti'],
  [/tsu/g, 'tu'],
  [/fu/g, 'hu'],
  [/ji/g, 'zi'],
  [/sh/g, 'sy'],
  [/ch/g, 'ty'],
  [/jy/g, 'zy'],
  [/j/g, 'zy'],
  [/dz/g, 'z'],
  [/di/g, 'zi'],
  [/du/g, 'zu'],
  [/wo/g, 'o'],
  [/m(?=[bpm])/g, 'n'],
  [/([bcdfghjklmnpqrstvwxz])\1+/g, '$1'],
  [/oh(?![aiueoy])/g, 'o'],
  [/ou/g, 'o'],
  [/([aiueo])\1+/g, '$1'],
];

const looseCache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

/** Folds Latin text into the loose romaji form; anything that is not a Latin letter is dropped. */
export function looseRomaji(text: string): string {
  let key = looseCache.get(text);
  if (key === undefined) {
    key = foldRomaji(text);
    if (looseCache.size >= CACHE_LIMIT) looseCache.clear();
    looseCache.set(text, key);
  }
  return key;
}

function foldRomaji(text: string): string {
  let key = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  return key;
}

/** True when a (normalised) query is romaji someone might have typed for a reading. */
export function looksLikeRomaji(text: string): boolean {
  // Decomposed first, so a macron or accent is a separate mark: kōno → ko + ̄ + no.
  return /^(?:[a-z']|\p{M})+$/u.test(text.normalize('NFD')) && /[a-z]/.test(text);
}

const romajiCache = new Map<string, string>();

/**
 * The loose romaji of one word of a reading in hiragana or katakana. Readings repeat a lot (family
 * names), so conversions are cached; wanakana costs a few microseconds per call.
 */
export function kanaWordToLooseRomaji(word: string): string {
  let key = romajiCache.get(word);
  if (key === undefined) {
    key = looseRomaji(toRomaji(word));
    if (romajiCache.size >= CACHE_LIMIT) romajiCache.clear();
    romajiCache.set(word, key);
  }
  return key;
}
