import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, formatHex, parse, type Color } from 'culori';
import { describe, expect, it } from 'vitest';
import { contrastRatio, textColourOn } from '../../shared/domain/colour';
import { DEFAULT_GOALS, DEFAULT_INDUSTRIES } from '../../shared/domain/defaults';
import { tooSimilarColours } from '../../shared/domain/palette-check';

/**
 * Thresholds (CIEDE2000): ΔE00 ≈ 2 is a just-noticeable difference side by side; printing on
 * different paper and label printers moves a colour by up to ~5. Telling categories apart at a
 * glance from a few metres needs far more than noticing a difference, so with normal vision every
 * pair of default industry colours must differ by at least 20 (four times the print variation).
 * Thirteen colours cannot all stay that far apart for colour-blind viewers (the Okabe–Ito set
 * itself reaches ~11 under tritanopia), so under each simulated colour vision deficiency the
 * floor is 10: still clearly different side by side; the label on the band does the rest.
 */
const NORMAL_MIN = 20;
const SIMULATED_MIN = 10;

const deltaE = differenceCiede2000();
const VISION: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  deuteranopia: filterDeficiencyDeuter(1),
  protanopia: filterDeficiencyProt(1),
  tritanopia: filterDeficiencyTrit(1),
};

function closestPair(view: (c: Color) => Color): { distance: number; pair: string } {
  let closest = { distance: Infinity, pair: '' };
  for (const [i, a] of DEFAULT_INDUSTRIES.entries()) {
    for (const b of DEFAULT_INDUSTRIES.slice(i + 1)) {
      const distance = deltaE(view(parse(a.color)!), view(parse(b.color)!));
      if (distance < closest.distance) closest = { distance, pair: `${a.id}/${b.id}` };
    }
  }
  return closest;
}

describe('default badge palette', () => {
  it.each(Object.keys(VISION))('keeps every pair of industry colours apart (%s)', (vision) => {
    const { distance, pair } = closestPair(VISION[vision]!);
    expect(distance, `closest pair ${pair}`).toBeGreaterThanOrEqual(vision === 'normal' ? NORMAL_MIN : SIMULATED_MIN);
  });

  it('prints every industry label readably on its own band colour', () => {
    for (const industry of DEFAULT_INDUSTRIES) {
      expect(contrastRatio(industry.color, textColourOn(industry.color)), industry.id).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('never relies on colour alone: every goal has its own shape mark, every industry its own label', () => {
    expect(new Set(DEFAULT_GOALS.map((g) => g.mark)).size).toBe(DEFAULT_GOALS.length);
    expect(new Set(DEFAULT_INDUSTRIES.map((i) => i.ja)).size).toBe(DEFAULT_INDUSTRIES.length);
    expect(new Set(DEFAULT_INDUSTRIES.map((i) => i.en)).size).toBe(DEFAULT_INDUSTRIES.length);
  });
});

describe('warning organizers about colours people will confuse', () => {
  it('finds no pair in the defaults, and flags a near-duplicate an organizer picked', () => {
    expect(tooSimilarColours(DEFAULT_INDUSTRIES)).toEqual([]);
    const edited = [...DEFAULT_INDUSTRIES, { id: 'startup', ja: 'スタートアップ', en: 'Startups', color: '#0A78B5' }];
    expect(tooSimilarColours(edited).map((pair) => [pair.a.id, pair.b.id])).toEqual([['it', 'startup']]);
  });

  it('flags two colours that differ for most people but look the same to someone with deuteranopia', () => {
    const red = '#D62728';
    const asSeenWithDeuteranopia = formatHex(filterDeficiencyDeuter(1)(parse(red)!));
    expect(deltaE(parse(red)!, parse(asSeenWithDeuteranopia)!)).toBeGreaterThan(NORMAL_MIN);
    const pairs = tooSimilarColours([
      { id: 'red', color: red },
      { id: 'olive', color: asSeenWithDeuteranopia },
    ]);
    expect(pairs.map((pair) => [pair.a.id, pair.b.id])).toEqual([['red', 'olive']]);
  });
});
