import type { BadgeSize } from '../../../shared/domain/settings';

/** Millimetres to PDF points. */
export const MM = 72 / 25.4;

export interface PageSize {
  /** Page width and height in points. */
  width: number;
  height: number;
  /** The same in millimetres, for the printer's media option. */
  widthMm: number;
  heightMm: number;
}

function mm(widthMm: number, heightMm: number): PageSize {
  return { width: widthMm * MM, height: heightMm * MM, widthMm, heightMm };
}

/**
 * One badge's page for each size. All badges are landscape: that is how they sit in a holder or
 * on a lanyard card, and it keeps one layout for every size. The 62 mm Brother QL roll is cut
 * at 100 mm, which gives the card's proportions on the label.
 */
export const BADGE_PAGES: Record<Exclude<BadgeSize, 'a4-sheet'>, PageSize> = {
  card: mm(91, 55),
  '4x3': mm(101.6, 76.2),
  a6: mm(148, 105),
  '62mm': mm(100, 62),
};

export const A4 = mm(210, 297);
export const A3 = mm(297, 420);

/**
 * The A4 pre-print sheet: business-card badges (91×55 mm) in 2 columns × 5 rows, butted together
 * as on standard perforated card sheets, with cut marks in the margins.
 */
export const SHEET = {
  page: A4,
  badge: BADGE_PAGES.card,
  columns: 2,
  rows: 5,
} as const;

/** The page a single badge of `size` is printed on (a sheet's single badge is a card). */
export function singleBadgePage(size: BadgeSize): PageSize {
  return size === 'a4-sheet' ? BADGE_PAGES.card : BADGE_PAGES[size];
}

/**
 * The media to ask the printer for, in its feed orientation. A 62 mm Brother QL roll is 62 mm
 * across the print head and 100 mm along the feed, which is how its driver names the media; CUPS
 * turns the landscape badge page onto it. Every other size is asked for exactly as the page is.
 */
export function printMedia(size: BadgeSize): { widthMm: number; heightMm: number } {
  const page = singleBadgePage(size);
  return size === '62mm' ? { widthMm: page.heightMm, heightMm: page.widthMm } : { widthMm: page.widthMm, heightMm: page.heightMm };
}
