import type { ImportAnswer } from '../../../shared/api/methods/import';
import { MAX_SAVED_ANSWERS, type AnswerCatalogue, type AnswerMap, type EventSettings, type Goal, type Industry } from '../../../shared/domain/settings';
import { MusubiError } from '../../../shared/errors';
import { CatalogueMatcher, foldAnswer } from './catalogue';

/**
 * Registration answers (業種: 金融, 製造業; 参加目的: 人脈を広げたい) mapped to the event's lists.
 * An answer is resolved, in this order, by the organizer's choice for this import, the choice
 * saved with the event at an earlier import, the list's own labels, and last a suggestion
 * (suggestCategory). Only the first two are the organizer's word; a suggestion is shown in the
 * preview as one so they can change it.
 */
export type AnswerSource = 'chosen' | 'saved' | 'listed' | 'suggested' | 'none';

export interface AnswerResolution {
  key: string;
  /** The category id; '' when the organizer said "no category"; undefined when nothing matched. */
  id: string | undefined;
  how: AnswerSource;
}

/** Endings that make an answer longer without changing its meaning (製造業 → 製造, IT関連 → IT). */
const JA_ENDINGS = /(?:業界|業種|関連|関係|分野|業務|業|系|全般|など|等)$/u;
const EN_ENDINGS = /(?:industry|industries|sector|services?|field|business|related)$/u;

function stripEnding(key: string): string {
  const stripped = key.replace(JA_ENDINGS, '').replace(EN_ENDINGS, '');
  return stripped === '' ? key : stripped;
}

/** Hiragana between kanji carry okurigana or particles: 申し込み and 申込 are the same word. */
function kanjiSkeleton(text: string): string {
  const plain = text.normalize('NFKC').toLowerCase();
  return /\p{Script=Han}/u.test(plain) ? plain.replace(/[\u3041-\u3096ー\s]/gu, '') : plain;
}

/** The parts of a label as people write them alone: 金融・保険 → 金融, 保険; "IT & Telecom" → it, telecom. */
function labelParts(label: string): string[] {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s*(?:[・&＆,、/／]|\band\b)\s*/u)
    .map(foldAnswer)
    .filter((part) => part.length >= 2);
}

/**
 * Words that commonly name the default categories (shared/domain/defaults.ts) in a free-text answer.
 * Only used when the event still has a category of that id, and only as a suggestion.
 */
const HINTS: Record<string, string[]> = {
  it: ['it', 'ict', '通信', '情報', 'ソフトウェア', 'software', 'saas', 'web', 'システム', 'インターネット', 'internet', 'tech', 'テック', 'ai', 'dx'],
  manufacturing: ['製造', 'メーカー', 'maker', 'manufactur', '工場', 'ものづくり', '機械', '化学', '自動車'],
  finance: ['金融', '銀行', '証券', '保険', 'finance', 'financial', 'bank', 'insurance', 'fintech', '投資', 'investment'],
  healthcare: ['医療', '病院', '製薬', '薬', '介護', 'ヘルスケア', 'health', 'medical', 'pharma', 'bio'],
  education: ['教育', '研究', '大学', '学校', 'education', 'research', 'university', 'academi'],
  public: ['行政', '官公庁', '自治体', '公務', '公共', 'government', 'public', 'npo', 'ngo'],
  retail: ['小売', '流通', '卸', '物流', '商社', 'ec', 'retail', 'logistics', 'wholesale', 'trading'],
  'real-estate': ['不動産', '建設', '建築', '住宅', 'real estate', 'realestate', 'construction', 'architecture'],
  energy: ['エネルギー', '電力', 'ガス', '環境', 'energy', 'environment', 'utility', 'utilities'],
  media: ['メディア', '広告', '出版', '放送', '新聞', 'マーケティング', 'media', 'advertising', 'publishing', 'marketing', 'pr'],
  food: ['食品', '飲食', '農業', '農', '外食', 'food', 'restaurant', 'agricultur', 'farm'],
  student: ['学生', '大学生', '大学院生', 'student'],
  ideas: ['アイデア', 'アイディア', '発想', '新規事業', 'ideas', 'idea', 'innovation', 'inspiration'],
  network: ['人脈', 'つながり', '繋がり', 'ネットワーク', '交流', '知り合い', '友達', 'network', 'networking', 'connections', 'meet people'],
  hiring: ['採用', '人材', 'リクルート', 'hiring', 'recruit', 'talent'],
  job: ['転職', '就職', '就活', 'キャリア', 'job', 'career'],
  partners: ['協業', 'パートナー', '提携', 'アライアンス', '取引先', '営業', '商談', 'partner', 'collaborat', 'business development', 'sales', 'clients'],
  learning: ['情報収集', '勉強', '学び', '学習', 'インプット', 'learning', 'learn', 'information', 'knowledge'],
};

function hasWord(text: string, word: string): boolean {
  if (/[^\x20-\x7e]/.test(word)) return text.includes(word);
  // Latin words start a word ("manufactur" finds "manufacturer"), and short ones are the whole
  // word, so that "it" finds neither "recruiting" nor "items".
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?:^|[^a-z])${escaped}${word.length <= 3 ? '(?:$|[^a-z])' : ''}`, 'u').test(text);
}

/**
 * The category an answer most likely means, or undefined: an answer equal to a label after
 * dropping an ending (製造業 → 製造), equal to one part of a label (金融 → 金融・保険), with the
 * same kanji as a label (okurigana ignored), containing a label part of two or more characters,
 * or naming a word commonly used for a default category (人脈を広げたい → 人脈拡大). The first rule
 * that picks out exactly one category decides; two categories on the same rule mean no suggestion.
 */
export function suggestCategory(answer: string, entries: readonly (Industry | Goal)[]): string | undefined {
  const key = foldAnswer(answer);
  if (key === '') return undefined;
  const stripped = stripEnding(key);
  const skeleton = kanjiSkeleton(answer).replace(/[\s・&＆,、.\-_/／()（）]+/g, '');
  const text = answer.normalize('NFKC').toLowerCase();
  const rules: ((entry: Industry | Goal) => boolean)[] = [
    (e) => [e.ja, e.en].some((label) => stripEnding(foldAnswer(label)) === stripped),
    (e) => [e.ja, e.en].some((label) => labelParts(label).some((part) => stripEnding(part) === stripped)),
    (e) => skeleton.length >= 2 && kanjiSkeleton(e.ja).replace(/[\s・&＆,、.\-_/／()（）]+/g, '') === skeleton,
    (e) => [e.ja, e.en].some((label) => labelParts(label).some((part) => (/^[a-z0-9]+$/.test(part) ? hasWord(text, part) : key.includes(part)))),
    (e) => (HINTS[e.id] ?? []).some((word) => hasWord(text, word)),
  ];
  for (const rule of rules) {
    const hits = entries.filter(rule);
    if (hits.length === 1) return hits[0]?.id;
    if (hits.length > 1) return undefined;
  }
  return undefined;
}

/** Resolves the answers of one list for one import; answers repeat, so each is worked out once. */
export class AnswerResolver {
  private readonly listed: CatalogueMatcher;
  private readonly known = new Map<string, AnswerResolution>();

  private readonly saved: Map<string, string>;
  private readonly chosen: Map<string, string>;
  private readonly ids: Set<string>;

  constructor(
    private readonly entries: readonly (Industry | Goal)[],
    saved: Readonly<Record<string, string>>,
    chosen: Readonly<Record<string, string>>,
  ) {
    this.listed = new CatalogueMatcher(entries);
    this.ids = new Set(entries.map((e) => e.id));
    // Keys are folded answers; a raw answer given on the command line folds to the same key.
    this.saved = new Map(Object.entries(saved).map(([answer, id]) => [foldAnswer(answer), id]));
    this.chosen = new Map(Object.entries(chosen).map(([answer, id]) => [foldAnswer(answer), id]));
  }

  resolve(answer: string): AnswerResolution {
    const key = foldAnswer(answer);
    const cached = this.known.get(key);
    if (cached) return cached;
    // A saved choice naming a category since deleted is as good as none.
    const valid = (id: string | undefined): id is string => id !== undefined && (id === '' || this.ids.has(id));
    let resolution: AnswerResolution;
    const chosen = this.chosen.get(key);
    const saved = this.saved.get(key);
    const listed = this.listed.match(answer);
    if (valid(chosen)) resolution = { key, id: chosen, how: 'chosen' };
    else if (valid(saved)) resolution = { key, id: saved, how: 'saved' };
    else if (listed !== undefined) resolution = { key, id: listed, how: 'listed' };
    else {
      const suggested = suggestCategory(answer, this.entries);
      resolution = suggested === undefined ? { key, id: undefined, how: 'none' } : { key, id: suggested, how: 'suggested' };
    }
    if (this.known.size < 20_000) this.known.set(key, resolution);
    return resolution;
  }
}

/** One distinct answer of an import, with how many rows gave it. */
export interface AnswerTally {
  catalogue: AnswerCatalogue;
  key: string;
  /** The answer as first written in the file. */
  value: string;
  rows: number;
  /** The spreadsheet row it first appears on, and its column's header. */
  firstRow: number;
  column: string;
  fields: ('industry' | 'goals' | 'lookingFor')[];
  resolution: AnswerResolution;
}

/** Distinct answers counted per list; past this many a column is free text and further answers are only counted. */
const MAX_DISTINCT = 5000;

export class AnswerTallies {
  readonly byList: Record<AnswerCatalogue, Map<string, AnswerTally>> = { industries: new Map(), goals: new Map() };
  /** Unmapped answers seen after MAX_DISTINCT distinct ones: not listed, only counted. */
  overflowRows = 0;

  count(
    catalogue: AnswerCatalogue,
    field: AnswerTally['fields'][number],
    value: string,
    resolution: AnswerResolution,
    at: { row: number; column: string },
  ): void {
    const list = this.byList[catalogue];
    const tally = list.get(resolution.key);
    if (tally) {
      tally.rows++;
      if (!tally.fields.includes(field)) tally.fields.push(field);
    } else if (list.size < MAX_DISTINCT) {
      list.set(resolution.key, { catalogue, key: resolution.key, value, rows: 1, firstRow: at.row, column: at.column, fields: [field], resolution });
    } else if (resolution.how === 'none') this.overflowRows++;
  }

  /** Every tally, most frequent first. */
  all(): AnswerTally[] {
    return [...this.byList.industries.values(), ...this.byList.goals.values()].sort((a, b) => b.rows - a.rows || a.firstRow - b.firstRow);
  }

  /**
   * The saved map with this import's decisions added: what the organizer chose and what was
   * suggested and used (so a re-import gives the same result even if a label is renamed later).
   * Undefined when nothing changes.
   */
  mapToSave(saved: AnswerMap): AnswerMap | undefined {
    const next: AnswerMap = { industries: { ...saved.industries }, goals: { ...saved.goals } };
    let changed = false;
    for (const tally of this.all()) {
      const { key, id, how } = tally.resolution;
      if ((how !== 'chosen' && how !== 'suggested') || id === undefined) continue;
      const list = next[tally.catalogue];
      if (list[key] === id) continue;
      if (!(key in list) && Object.keys(list).length >= MAX_SAVED_ANSWERS) continue;
      list[key] = id;
      changed = true;
    }
    return changed ? next : undefined;
  }
}

/** `--value-map 'industry:製造業=manufacturing'` and the JSON file both name a field, not a list. */
export function catalogueOfField(field: string): AnswerCatalogue | undefined {
  const key = field.trim().toLowerCase().replace(/[-_\s]/g, '');
  if (key === 'industry' || key === 'industries' || key === 'lookingfor') return 'industries';
  if (key === 'goal' || key === 'goals') return 'goals';
  return undefined;
}

/** The preview's view of the tallies: the most frequent first, at most `limit`. */
export function answersForPreview(tallies: AnswerTallies, limit: number): ImportAnswer[] {
  return tallies
    .all()
    .slice(0, limit)
    .map((t) => ({
      catalogue: t.catalogue,
      key: t.key,
      value: t.value,
      rows: t.rows,
      fields: t.fields,
      categoryId: t.resolution.id ?? null,
      how: t.resolution.how,
    }));
}

/** The organizer's choices name categories the event has (a typo would otherwise be dropped without a word). */
export function checkAnswerChoices(settings: EventSettings, chosen: Partial<AnswerMap> | undefined): void {
  for (const catalogue of ['industries', 'goals'] as const) {
    const ids = new Set(settings[catalogue].map((e) => e.id));
    for (const [answer, id] of Object.entries(chosen?.[catalogue] ?? {})) {
      if (id !== '' && !ids.has(id)) {
        throw new MusubiError(
          'invalid-input',
          `“${answer}” is mapped to "${id}", which is not one of the event’s ${catalogue}; use one of ${[...ids].join(', ')} (or nothing, to keep it in the note).`,
          `answerMap.${catalogue}`,
        );
      }
    }
  }
}
