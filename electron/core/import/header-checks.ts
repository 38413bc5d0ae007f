import type { ImportTarget } from '../../../shared/api/methods/import';
import { REPLACEMENT_CHARACTER } from './decode';

/**
 * Characters that show nothing: zero-width spaces and joiners, BOMs, word joiners, bidi marks and
 * other format characters, controls, every kind of space (NBSP, ideographic space) and the blank
 * fillers (Hangul filler, braille blank). A name made of these alone looks empty on a badge.
 */
const INVISIBLE = /^[\p{Cf}\p{Cc}\p{Z}\s\u115f\u1160\u3164\uffa0\u2800\u180e]*$/u;

export function isInvisibleOnly(text: string): boolean {
  return text !== '' && INVISIBLE.test(text);
}

/** Three or more half-width katakana in a row, which a header of a legacy file read wrongly is full of. */
const HALF_WIDTH_RUN = /[\uff66-\uff9f]{3,}/;

/**
 * The header row reads as mojibake: it holds bytes the encoding could not read, or none of it names
 * a known field and it is full of half-width katakana (EUC-JP or another encoding read as CP932).
 * "ﾌﾘｶﾞﾅ" from an old system is a real header, so a header that names a field is never suspect.
 */
export function headerLooksGarbled(headers: readonly string[], mapping: readonly ImportTarget[]): boolean {
  if (headers.some((h) => h.includes(REPLACEMENT_CHARACTER))) return true;
  if (mapping.some((target) => target !== 'ignore')) return false;
  return headers.some((h) => HALF_WIDTH_RUN.test(h));
}

/** The header row as the organizer would read it, for the message (at most 80 characters). */
export function headerPreview(headers: readonly string[]): string {
  const joined = headers.filter((h) => h !== '').join(', ');
  return joined.length > 80 ? `${joined.slice(0, 79)}…` : joined;
}

/** The column letter a spreadsheet shows (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** For each column whose header repeats an earlier one (ignoring width, case and surrounding spaces): that earlier column. */
export function duplicateHeaders(headers: readonly string[]): { column: number; sameAs: number }[] {
  const firstByKey = new Map<string, number>();
  const duplicates: { column: number; sameAs: number }[] = [];
  headers.forEach((header, column) => {
    const key = header.normalize('NFKC').trim().toLowerCase();
    if (key === '') return;
    const earlier = firstByKey.get(key);
    if (earlier === undefined) firstByKey.set(key, column);
    else duplicates.push({ column, sameAs: earlier });
  });
  return duplicates;
}
