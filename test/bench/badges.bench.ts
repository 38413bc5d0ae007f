/**
 * Badge drawing (issue 4): badge.first_ms (a fresh process, fonts included), badge.warm_p50_ms
 * (one card badge once warm), badge.batch1000_s (1,000 badges on A4 sheets), badge.pdf_kb.
 */
import { performance } from 'node:perf_hooks';
import { EMPTY_ATTENDEE_FIELDS, type Attendee } from '../../shared/domain/attendee';
import { DEFAULT_EVENT_SETTINGS, DEFAULT_GOALS, DEFAULT_INDUSTRIES } from '../../shared/domain/defaults';
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
  };
}

const start = performance.now();
const { renderBadge, renderBadges } = await import('../../electron/core/badges/badge-pdf');
const { japaneseFont } = await import('../../electron/core/pdf/japanese-font');
const modulesLoaded = performance.now();
japaneseFont('regular');
japaneseFont('bold');
const fontsRead = performance.now();
const first = await renderBadge(attendee(1), DEFAULT_EVENT_SETTINGS, 'card');
const end = performance.now();
report('badge.first_ms', end - start, {
  note: 'fresh process: module load (pdfkit, fontkit, qrcode), font read and parse, one card badge',
  modules_ms: Math.round(modulesLoaded - start),
  font_read_ms: Math.round(fontsRead - modulesLoaded),
  first_render_ms: Math.round(end - fontsRead),
});

const samples: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  await renderBadge(attendee(i), DEFAULT_EVENT_SETTINGS, 'card');
  samples.push(performance.now() - t);
}
report('badge.warm_p50_ms', percentile(samples, 50), { p95: Number(percentile(samples, 95).toFixed(2)) });
report('badge.pdf_kb', first.pdf.length / 1024, { size: 'card' });

const people = Array.from({ length: 1000 }, (_, i) => attendee(i));
const t = performance.now();
const batch = await renderBadges(people, DEFAULT_EVENT_SETTINGS, 'a4-sheet');
report('badge.batch1000_s', (performance.now() - t) / 1000, { pages: batch.pages, mb: Number((batch.pdf.length / 1048576).toFixed(2)) });
