/**
 * Badge drawing (issue 4): badge.first_ms (fresh processes running the built badge code, fonts included), badge.warm_p50_ms
 * (one card badge once warm), badge.batch1000_s (1,000 badges on A4 sheets), badge.pdf_kb.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { renderBadge, renderBadges } from '../../electron/core/badges/badge-pdf';
import { EMPTY_ATTENDEE_FIELDS, type Attendee } from '../../shared/domain/attendee';
import { DEFAULT_EVENT_SETTINGS, DEFAULT_GOALS, DEFAULT_INDUSTRIES } from '../../shared/domain/defaults';
import { buildBadgeFirstBundle } from './badge-first/build';
import { percentile, report } from './report';

const FAMILY = ['山田', '佐藤', '鈴木', '髙橋', '田中', '渡邊', '伊藤', '中村', '小林', '勅使河原'];
const FAMILY_KANA = ['やまだ', 'さとう', 'すずき', 'たかはし', 'たなか', 'わたなべ', 'いとう', 'なかむら', 'こばやし', 'てしがわら'];
const GIVEN = ['太郎', '花子', '一', '美咲', '翔太', '陽菜', '大輔', 'さくら'];
const GIVEN_KANA = ['たろう', 'はなこ', 'はじめ', 'みさき', 'しょうた', 'ひな', 'だいすけ', 'さくら'];

function attendee(i: number): Attendee {
  const f = i % FAMILY.length;
  const g = (i * 7) % GIVEN.length;
  const industry = DEFAULT_INDUSTRIES[i % DEFAULT_INDUSTRIES.length]!;
  return {
    ...EMPTY_ATTENDEE_FIELDS,
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    ticketCode: `T-${i}`,
    name: `${FAMILY[f]} ${GIVEN[g]}`,
    nameKana: `${FAMILY_KANA[f]} ${GIVEN_KANA[g]}`,
    company: `株式会社サンプル${i % 50}ホールディングス`,
    title: '事業開発部',
    industry: industry.id,
    goals: [DEFAULT_GOALS[i % 6]!.id, DEFAULT_GOALS[(i + 2) % 6]!.id],
    lookingFor: [DEFAULT_INDUSTRIES[(i + 3) % 13]!.id, DEFAULT_INDUSTRIES[(i + 5) % 13]!.id],
    vcardOptIn: i % 5 === 0,
    email: `person${i}@example.jp`,
    checkedIn: null,
    conflicts: [],
    badgePrints: 0,
    left: false,
  };
}

// badge.first_ms: fresh `node` processes running a built bundle (see badge-first/entry.ts).
// The bundle lives inside the project so its bare imports resolve to node_modules, as in the app.
const bundle = await buildBadgeFirstBundle(path.resolve(import.meta.dirname, '../../dist-bench/badge-first'));
const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'musubi-compile-cache-'));
interface FirstRun {
  total_ms: number;
  bootstrap_ms: number;
  modules_ms: number;
  pdfkit_and_font_read_ms: number;
  render_ms: number;
  pdf_bytes: number;
}
function freshProcess(compileCache: string): FirstRun {
  const out = execFileSync(process.execPath, [bundle], { env: { ...process.env, MUSUBI_BENCH_COMPILE_CACHE: compileCache }, encoding: 'utf8' });
  return JSON.parse(out) as FirstRun;
}
function median(runs: FirstRun[]): FirstRun {
  return [...runs].sort((a, b) => a.total_ms - b.total_ms)[Math.floor(runs.length / 2)]!;
}
const RUNS = 5;
// Cold: every run gets a new, empty compile cache (the first launch after installing or updating).
const cold = median(Array.from({ length: RUNS }, () => freshProcess(fs.mkdtempSync(path.join(cacheRoot, 'cold-')))));
// Warm: one run fills the cache, the measured runs reuse it (every later launch).
const warmCache = fs.mkdtempSync(path.join(cacheRoot, 'warm-'));
freshProcess(warmCache);
const warm = median(Array.from({ length: RUNS }, () => freshProcess(warmCache)));
fs.rmSync(cacheRoot, { recursive: true, force: true });
const round = (run: FirstRun): Record<string, number> => ({
  bootstrap_ms: Math.round(run.bootstrap_ms),
  modules_ms: Math.round(run.modules_ms),
  pdfkit_and_font_read_ms: Math.round(run.pdfkit_and_font_read_ms),
  render_ms: Math.round(run.render_ms),
});
report('badge.first_ms', warm.total_ms, {
  note:
    `median of ${RUNS} fresh node processes, each from process start (Node bootstrap included) to the finished PDF bytes of one card badge with a vCard QR: ` +
    'loads the Vite/Rolldown bundle of the badge code (built like the Electron main; pdfkit, fontkit and qrcode from node_modules), reads and parses both font weights, lays out and draws. ' +
    'value = warm compile cache (module.enableCompileCache, as bin/musubi.mjs and the Electron main enable it: every launch after the first); cold_ms = an empty cache (first launch after install)',
  ...round(warm),
  cold_ms: Math.round(cold.total_ms),
  cold: round(cold),
});

const samplePdf = (await renderBadge(attendee(1), DEFAULT_EVENT_SETTINGS, 'card')).pdf;
const samples: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  await renderBadge(attendee(i), DEFAULT_EVENT_SETTINGS, 'card');
  samples.push(performance.now() - t);
}
report('badge.warm_p50_ms', percentile(samples, 50), { p95: Number(percentile(samples, 95).toFixed(2)) });
report('badge.pdf_kb', samplePdf.length / 1024, { size: 'card' });

const people = Array.from({ length: 1000 }, (_, i) => attendee(i));
const t = performance.now();
const batch = await renderBadges(people, DEFAULT_EVENT_SETTINGS, 'a4-sheet');
report('badge.batch1000_s', (performance.now() - t) / 1000, { pages: batch.pages, mb: Number((batch.pdf.length / 1048576).toFixed(2)) });
