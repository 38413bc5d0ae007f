import { describe, expect, it } from 'vitest';
import { MESSY_EXPORTS } from '../helpers/messy-exports';
import { measureImportWarnings } from '../helpers/warning-counts';

/**
 * The messy exports (a Peatix-style 40, a connpass-style Shift_JIS 20, a 5,000-row file):
 * one warning per distinct answer that maps to nothing, with its row count, instead of one per row;
 * none left once the organizer has mapped them (test/bench/import-warnings.bench.ts reports the counts).
 */
describe('import warnings for messy exports', { timeout: 120_000 }, () => {
  for (const messy of MESSY_EXPORTS) {
    it(`groups the warnings of ${messy.fileName} by value, and has none once the answers are mapped`, async () => {
      const counts = await measureImportWarnings(messy.fileName, messy.bytes());
      const { preview } = counts;
      expect(preview.counts.skipped).toBe(0);
      const unmapped = preview.answers.filter((a) => a.how === 'none');
      expect(unmapped.length).toBeGreaterThan(0);
      const warnings = preview.problems.filter((p) => p.code === 'unknown-industry' || p.code === 'unknown-goal');
      // Everything the preview warns about is an unmapped answer, each said once.
      expect(counts.first).toBe(warnings.length);
      expect(warnings.map((w) => `${w.code} ${w.value ?? ''}`).sort()).toEqual(
        unmapped.map((a) => `${a.catalogue === 'goals' ? 'unknown-goal' : 'unknown-industry'} ${a.value}`).sort(),
      );
      // …with how many rows gave it, which is every row that did (not the first of them).
      for (const w of warnings) expect(w.rows).toBe(unmapped.find((a) => a.value === w.value)?.rows);
      expect(warnings.reduce((n, w) => n + (w.rows ?? 0), 0)).toBe(unmapped.reduce((n, a) => n + a.rows, 0));
      // Row by row, the same file gave far more: one per row and answer not literally in the lists.
      expect(counts.perRowUnlisted).toBeGreaterThan(2 * counts.first);
      expect(counts.perRowUnlisted).toBeGreaterThanOrEqual(counts.rows);
      expect(counts.afterMapping).toBe(0);
    });
  }
});
