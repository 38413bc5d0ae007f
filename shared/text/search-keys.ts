import type { AttendeeFields } from '../domain/attendee';
import { stripCompanyForms } from './company';
import { normalizeForSearch, normalizedWithWords } from './normalize';
import { kanaWordToLooseRomaji, looksLikeRomaji, looseRomaji } from './romaji';

/**
 * What search looks at for one attendee, normalised once at write time (docs/decisions.md "Search is an in-memory index per database").
 * Two channels: `main` holds the normalised text fields and is searched with the normalised query;
 * `romaji` holds loose romaji keys (from the reading, and from a Latin-letter name) and is searched
 * with the loose romaji of a Latin-letter query. A prefix key is where a "name or reading prefix"
 * match (rank 1) may start; every prefix key is a substring of a field of the same channel.
 */
export interface SearchKeys {
  ticket: string;
  main: string[];
  mainPrefixes: string[];
  romaji: string[];
  romajiPrefixes: string[];
  /** Orders people within a rank: by reading, else by name. */
  sortKey: string;
}

/** `nickname` is optional so that callers that never had one (tests, older rows) need not invent it. */
export type SearchFields = Pick<AttendeeFields, 'ticketCode' | 'name' | 'nameKana' | 'company' | 'email'> & { nickname?: string };

export function searchKeysOf(fields: SearchFields): SearchKeys {
  const ticket = normalizeForSearch(fields.ticketCode);
  const { whole: name, words: nameWords } = normalizedWithWords(fields.name);
  const { whole: kana, words: kanaWords } = normalizedWithWords(fields.nameKana);
  const company = normalizeForSearch(stripCompanyForms(fields.company));
  const email = normalizeForSearch(fields.email);
  // The display name people registered under (connpass 表示名) finds them too, as a prefix.
  const { whole: nickname, words: nicknameWords } = normalizedWithWords(fields.nickname ?? '');

  const romajiWords = kanaWords.map(kanaWordToLooseRomaji).filter((w) => w !== '');
  // A name written in Latin letters (John Smith, Taro Kohno) is its own reading.
  if (/[a-z]/.test(name)) romajiWords.push(...nameWords.map(looseRomaji).filter((w) => w !== ''));
  // Joined word by word, so that every word's key is a substring of the whole key.
  const romajiFull = romajiWords.join('');
  // And folded as one string, for a query typed without the space ("yamadaayumi" → "yamadayumi").
  const latinWhole = /[a-z]/.test(name) ? looseRomaji(fields.name) : '';

  return {
    ticket,
    main: [ticket, name, kana, company, email, nickname].filter((f) => f !== ''),
    mainPrefixes: unique([name, kana, ...nameWords, ...kanaWords, nickname, ...nicknameWords]),
    romaji: unique([romajiFull, latinWhole]),
    romajiPrefixes: unique([romajiFull, latinWhole, ...romajiWords]),
    sortKey: kana || name,
  };
}

/** A query, normalised the same way as the keys. */
export interface SearchQuery {
  /** Searched in the main channel; '' matches everyone. */
  text: string;
  /** Loose romaji of a Latin-letter query, searched in the romaji channel; null otherwise. */
  romaji: string | null;
  /** Compared with ticket codes for an exact match. */
  ticket: string;
}

export function searchQueryOf(raw: string): SearchQuery {
  const ticket = normalizeForSearch(raw);
  const withoutForms = normalizeForSearch(stripCompanyForms(raw));
  const text = withoutForms !== '' ? withoutForms : ticket;
  const romaji = looksLikeRomaji(text) ? looseRomaji(text) : null;
  return { text, romaji: romaji === '' ? null : romaji, ticket };
}

/** The plain, obviously correct answer: does this attendee match the query? (for tests and overlays) */
export function keysMatch(keys: SearchKeys, query: SearchQuery): boolean {
  if (query.text === '') return true;
  if (keys.main.some((field) => field.includes(query.text))) return true;
  const romaji = query.romaji;
  return romaji !== null && keys.romaji.some((field) => field.includes(romaji));
}

/** 0: exact ticket code, 1: name or reading prefix, 2: any other match. */
export function rankOf(keys: SearchKeys, query: SearchQuery): 0 | 1 | 2 {
  if (query.ticket !== '' && keys.ticket === query.ticket) return 0;
  // An empty query (or only punctuation, e.g. "-") lists everyone in reading order: all rank alike.
  if (query.text === '') return 1;
  if (keys.mainPrefixes.some((key) => key.startsWith(query.text))) return 1;
  const romaji = query.romaji;
  if (romaji !== null && keys.romajiPrefixes.some((key) => key.startsWith(romaji))) return 1;
  return 2;
}

function unique(keys: string[]): string[] {
  return [...new Set(keys.filter((k) => k !== ''))];
}
