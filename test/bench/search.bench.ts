/**
 * Search on 100,000 seeded attendees (Japanese and English names, companies, e-mails, tickets):
 * index build time, then p50/p95 of the first page plus the total, per query kind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { searchAttendees } from '../../electron/core/attendees/search';
import { openDatabase } from '../../electron/core/db/open';
import { appendNewAttendees } from '../../electron/core/log/append-new-attendees';
import { searchIndexFor } from '../../electron/core/search/attendee-index';
import { createService } from '../../electron/core/service/service';
import type { EntryOfType } from '../../shared/domain/entry';
import { newId } from '../../shared/domain/ids';
import { FAMILY_NAMES, generateAttendees, seededRandom } from '../helpers/generate-attendees';
import { percentile, report } from './report';

const N = 100_000;
const RUNS_PER_KIND = 600;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-bench-'));
const db = openDatabase(path.join(dir, 'search.db'));
const service = createService({ db, stationName: 'Bench' });
const people = generateAttendees(N, 7);
const entries = people.map(({ romaji: _romaji, ...fields }) =>
  service.recorder.stamp({ type: 'attendee.upsert', attendeeId: newId(), data: { fields } }) as EntryOfType<'attendee.upsert'>,
);
appendNewAttendees(db, entries);

const index = searchIndexFor(db);
index.rebuild();
report('search.index_build_ms', index.lastBuildMs, { n: N });

// Many distinct queries per kind, drawn from the data, so that the cache of result rows is not
// flattered by the same few queries coming round again.
const random = seededRandom(99);
const sample = <T,>(list: readonly T[], n: number): T[] => Array.from({ length: n }, () => list[Math.floor(random() * list.length)] as T);
const japanese = people.filter((p) => p.nameKana !== '');
const FULL = 'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロワヲンー';
const HALF = ['ｧ', 'ｱ', 'ｨ', 'ｲ', 'ｩ', 'ｳ', 'ｪ', 'ｴ', 'ｫ', 'ｵ', 'ｶ', 'ｶﾞ', 'ｷ', 'ｷﾞ', 'ｸ', 'ｸﾞ', 'ｹ', 'ｹﾞ', 'ｺ', 'ｺﾞ', 'ｻ', 'ｻﾞ', 'ｼ', 'ｼﾞ', 'ｽ', 'ｽﾞ', 'ｾ', 'ｾﾞ', 'ｿ', 'ｿﾞ', 'ﾀ', 'ﾀﾞ', 'ﾁ', 'ﾁﾞ', 'ｯ', 'ﾂ', 'ﾂﾞ', 'ﾃ', 'ﾃﾞ', 'ﾄ', 'ﾄﾞ', 'ﾅ', 'ﾆ', 'ﾇ', 'ﾈ', 'ﾉ', 'ﾊ', 'ﾊﾞ', 'ﾊﾟ', 'ﾋ', 'ﾋﾞ', 'ﾋﾟ', 'ﾌ', 'ﾌﾞ', 'ﾌﾟ', 'ﾍ', 'ﾍﾞ', 'ﾍﾟ', 'ﾎ', 'ﾎﾞ', 'ﾎﾟ', 'ﾏ', 'ﾐ', 'ﾑ', 'ﾒ', 'ﾓ', 'ｬ', 'ﾔ', 'ｭ', 'ﾕ', 'ｮ', 'ﾖ', 'ﾗ', 'ﾘ', 'ﾙ', 'ﾚ', 'ﾛ', 'ﾜ', 'ｦ', 'ﾝ', 'ｰ'];
const halfWidth = (katakana: string): string => [...katakana].map((c) => HALF[FULL.indexOf(c)] ?? c).join('');
const toHiragana = (katakana: string): string => katakana.replace(/[ァ-ヶ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const familyKana = FAMILY_NAMES.map(([, kana]) => kana);
const romajiSpellings = FAMILY_NAMES.flatMap(([, , romaji]) => [
  romaji,
  romaji.replace('o', 'ou'),
  romaji.replace('o', 'oh'),
  romaji.replace('o', 'ō'),
  romaji.replace('shi', 'si').replace('tsu', 'tu').replace('chi', 'ti'),
]);
const stripForms = (company: string): string => company.replace(/株式会社|有限会社|\(株\)|㈱| Inc\.| Co\., Ltd\.| LLC/g, '');

const KINDS: Record<string, string[]> = {
  kanji_full: sample(japanese, 300).map((p) => (p.name ?? '').replace(' ', '')),
  kanji_space: sample(japanese.filter((p) => (p.name ?? '').includes(' ')), 300).map((p) => p.name ?? ''),
  family_1char: ['林', '森', '東', '辻', '堤'],
  family_2char: FAMILY_NAMES.map(([kanji]) => kanji).filter((k) => k.length === 2),
  hiragana: [...familyKana.map(toHiragana), ...familyKana.map((k) => toHiragana(k).slice(0, 2))],
  katakana: familyKana,
  halfwidth_katakana: familyKana.map(halfWidth),
  romaji: romajiSpellings,
  company: sample(people, 300).map((p, i) => (i % 2 === 0 ? (p.company ?? '') : stripForms(p.company ?? ''))),
  email: sample(people, 300).map((p) => (p.email ?? '').slice(0, 10)),
  ticket: sample(people, 300).map((p, i) => {
    const code = p.ticketCode ?? '';
    return [code, code.toLowerCase(), code.replace(/-/g, '')][i % 3] ?? code;
  }),
};

// Warm-up (not measured): the first searches after a build also pay for collecting its garbage.
for (const queries of Object.values(KINDS)) for (const query of queries) searchAttendees(db, query, 50);

const all: number[] = [];
let checksum = 0;
for (const [kind, queries] of Object.entries(KINDS)) {
  const samples: number[] = [];
  let totals = 0;
  for (let run = 0; run < RUNS_PER_KIND; run++) {
    const query = queries[run % queries.length] ?? '';
    const start = performance.now();
    const result = searchAttendees(db, query, 50);
    samples.push(performance.now() - start);
    totals += result.total;
    checksum += result.items.length;
  }
  all.push(...samples);
  const meanTotal = Math.round(totals / RUNS_PER_KIND);
  report(`search.${kind}.p50_ms`, percentile(samples, 50), { n: N, meanTotal });
  report(`search.${kind}.p95_ms`, percentile(samples, 95), { n: N, meanTotal });
}
report('search.p95_ms', percentile(all, 95), { n: N, pageItems: checksum });
db.close();
fs.rmSync(dir, { recursive: true, force: true });
