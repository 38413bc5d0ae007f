import type { Goal, Industry } from '../../../shared/domain/settings';
import { katakanaToHiragana } from '../../../shared/text/normalize';

/**
 * Matches the industry and goal answers of an export to the event's lists: by id or by the
 * Japanese or English label, ignoring width, case, kana style, spaces and punctuation
 * ("IT・通信", "ＩＴ通信", "it & telecom", "it" all find the same industry).
 */
export function foldAnswer(text: string): string {
  return katakanaToHiragana(text.normalize('NFKC').toLowerCase()).replace(/[\s\u3000・&＆,、.\-_/／()（）]+/g, '');
}

export class CatalogueMatcher {
  private readonly byKey = new Map<string, string>();
  /** The same few answers repeat on every row of a large export. */
  private readonly seen = new Map<string, string | undefined>();

  constructor(entries: readonly (Industry | Goal)[]) {
    for (const entry of entries) {
      for (const label of [entry.id, entry.ja, entry.en]) {
        const key = foldAnswer(label);
        if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, entry.id);
      }
    }
  }

  /** The id, or undefined for a value not in the list. */
  match(value: string): string | undefined {
    if (this.seen.has(value)) return this.seen.get(value);
    const id = this.byKey.get(foldAnswer(value));
    if (this.seen.size < 10_000) this.seen.set(value, id);
    return id;
  }
}

/** Several answers in one cell (Google Forms check boxes join them with ", "). */
export function splitAnswers(cell: string): string[] {
  return cell
    .split(/[,，、;；\n|｜]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const YES = new Set(['はい', '同意する', '同意します', '同意', '希望する', '希望します', '希望', 'する', 'あり', '可', 'ok', 'yes', 'y', 'true', '1', '○', '〇', '◯', '✓', '✔', 'agree', 'iagree']);
const NO = new Set(['いいえ', '同意しない', '同意しません', '希望しない', '希望しません', 'しない', 'なし', '不可', 'no', 'n', 'false', '0', '×', '✗', '✕']);

/**
 * A yes/no answer (the partner-suggestion consent column): true, false, or undefined for anything
 * else. An answer that is not a clear yes is never taken as consent.
 */
export function yesNoAnswer(cell: string): boolean | undefined {
  const key = foldAnswer(cell);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}
