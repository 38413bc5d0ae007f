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
import { generateAttendees } from '../helpers/generate-attendees';
import { percentile, report } from './report';

const N = 100_000;
const RUNS_PER_KIND = 300;
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

const tickets = people.slice(0, 50).map((p) => p.ticketCode ?? '');
const emails = people.slice(100, 150).map((p) => p.email?.slice(0, 12) ?? '');
const KINDS: Record<string, string[]> = {
  kanji_full: ['山田太郎', '髙橋健一', '高橋健一', '渡辺美咲', '佐藤花子', '小林翔太'],
  kanji_space: ['山田 太郎', '高橋 健一', '渡邊 美咲', '佐藤 花子', '斎藤 翼'],
  family_1char: ['林', '森', '東', '辻', '堤'],
  family_2char: ['山田', '田中', '佐藤', '高橋', '河野', '斎藤'],
  hiragana: ['やまだ', 'たかはし', 'こうの', 'さいとう', 'はやし', 'やま'],
  katakana: ['ヤマダ', 'タカハシ', 'コウノ', 'サイトウ', 'ハヤシ'],
  halfwidth_katakana: ['ﾔﾏﾀﾞ', 'ﾀｶﾊｼ', 'ｺｳﾉ', 'ｻｲﾄｳ', 'ﾊﾔｼ'],
  romaji: ['kono', 'kouno', 'kohno', 'kōno', 'simizu', 'shimizu', 'tuda', 'tsuda', 'oono', 'ohno', 'yamada taro'],
  company: ['株式会社東京テック', '東京テック', '(株)みらい', 'acme', 'Acme Systems Inc.', 'データラボ'],
  email: emails,
  ticket: tickets.flatMap((t) => [t, t.toLowerCase(), t.replace(/-/g, '')]),
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
