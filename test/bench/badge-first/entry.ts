/**
 * The fresh process behind `badge.first_ms`. test/bench/badges.bench.ts bundles this file with
 * Vite (Rolldown) exactly like the Electron main bundle (same externals: pdfkit, fontkit and qrcode
 * load from node_modules, as in the app) and runs the bundle in plain `node`, as a deployed app runs built
 * JavaScript, not TypeScript transpiled on the fly. It prints one JSON line with its timings.
 *
 * All times are from Node's own time origin (process start), so `total_ms` includes Node's
 * bootstrap, loading the bundle, pdfkit/fontkit, reading both font weights (render_ms then parses
 * them, lays out, encodes the vCard QR and draws) up to the finished PDF bytes of one card badge.
 */
import { enableCompileCache } from 'node:module';
import { performance } from 'node:perf_hooks';
import type { Attendee } from '../../../shared/domain/attendee';
import { DEFAULT_EVENT_SETTINGS, DEFAULT_GOALS, DEFAULT_INDUSTRIES } from '../../../shared/domain/defaults';

// The same switch bin/musubi.mjs and the Electron main flip; the bench points it at a directory of
// its own so it can measure both a cold cache (first launch after install) and a warm one.
const cacheDir = process.env.MUSUBI_BENCH_COMPILE_CACHE;
if (cacheDir) enableCompileCache(cacheDir);

// Spelled out rather than spread from EMPTY_ATTENDEE_FIELDS, whose module also loads zod: the
// running app has zod loaded long before its first badge, so it is not part of this cost.
const attendee: Attendee = {
  id: '00000000-0000-4000-8000-000000000001',
  ticketCode: 'T-1',
  ticketType: '',
  name: '佐藤 美咲',
  nameKana: 'さとう みさき',
  nickname: '',
  company: '株式会社サンプル1ホールディングス',
  title: '事業開発部',
  industry: DEFAULT_INDUSTRIES[1]!.id,
  goals: [DEFAULT_GOALS[1]!.id, DEFAULT_GOALS[3]!.id],
  lookingFor: [DEFAULT_INDUSTRIES[4]!.id, DEFAULT_INDUSTRIES[6]!.id],
  vcardOptIn: true,
  email: 'person1@example.jp',
  phone: '',
  walkIn: false,
  partnerConsent: false,
  note: '',
  registrationStatus: 'registered',
  checkedIn: null,
  conflicts: [],
  badgePrints: 0,
  left: false,
};

const started = performance.now();
const { renderBadge } = await import('../../../electron/core/badges/badge-pdf');
const { loadPdfRendering } = await import('../../../electron/core/badges/pdf-document');
const loaded = performance.now();
// renderBadge does this itself; called here first only to time it apart from the drawing.
await loadPdfRendering();
const librariesAndFonts = performance.now();
const badge = await renderBadge(attendee, DEFAULT_EVENT_SETTINGS, 'card');
const done = performance.now();
console.log(
  JSON.stringify({
    total_ms: done,
    bootstrap_ms: started,
    modules_ms: loaded - started,
    pdfkit_and_font_read_ms: librariesAndFonts - loaded,
    render_ms: done - librariesAndFonts,
    pdf_bytes: badge.pdf.length,
  }),
);
