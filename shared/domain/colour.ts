import { wcagContrast } from 'culori';

/**
 * The one "text on a colour" rule, for badges, the legend and the dashboard: black or white,
 * whichever has the higher WCAG 2 contrast ratio against `background` (culori's wcagContrast).
 */
export function textColourOn(background: string): '#000000' | '#FFFFFF' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#FFFFFF') ? '#000000' : '#FFFFFF';
}

/** WCAG 2 contrast ratio of two colours like #0072B2 (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  return wcagContrast(a, b);
}
