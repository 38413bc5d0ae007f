import type { Attendee } from '../../../shared/domain/attendee';
import { DEFAULT_FIELD_CHOICES } from '../../../shared/domain/badge-design';
import type { BadgeSize } from '../../../shared/domain/settings';
import { normalizeForSearch } from '../../../shared/text/normalize';
import { drawBadge } from './draw';
import { layoutBadge, type BadgeOptions, type BadgeSettings } from './layout';
import { logoImageOf } from './logo';
import type { BadgeWarning } from './layout-types';
import { finishPdf, loadPdfRendering, newPdf, type Doc } from './pdf-document';
import { BADGE_PAGES, MM, SHEET, singleBadgePage } from './sizes';

export interface BadgePdf {
  pdf: Buffer;
  /** Per attendee (by id) what could not be printed as given; empty when all is well. */
  warnings: { attendeeId: string; warnings: BadgeWarning[] }[];
  pages: number;
}

/** The order of a pickup table: by reading (あいうえお), the name when there is no reading. */
export function sortByReading(attendees: readonly Attendee[]): Attendee[] {
  // Building a Japanese collator loads ICU data (~40 ms): not worth it for a single badge.
  if (attendees.length < 2) return [...attendees];
  const collator = new Intl.Collator('ja');
  const key = (a: Attendee): string => normalizeForSearch(a.nameKana || a.name);
  // あいうえお first (names with a kana reading), then Latin names A–Z, then names we cannot read.
  const group = (a: Attendee): number => (/^[\p{Script=Hiragana}ー]/u.test(key(a)) ? 0 : /^[a-z]/.test(key(a)) ? 1 : 2);
  const keyed = attendees.map((attendee) => ({ attendee, key: key(attendee), group: group(attendee) }));
  keyed.sort((a, b) => a.group - b.group || collator.compare(a.key, b.key) || collator.compare(a.attendee.name, b.attendee.name));
  return keyed.map((k) => k.attendee);
}

const CUT_MARK = 4 * MM;

/** Cut marks in the sheet margins, on every line a guillotine cut follows. */
function drawCutMarks(doc: Doc, left: number, top: number): void {
  const { badge, columns, rows, page } = SHEET;
  doc.save().lineWidth(0.3).strokeColor('#000000');
  for (let c = 0; c <= columns; c++) {
    const x = left + c * badge.width;
    doc.moveTo(x, top - CUT_MARK - 1).lineTo(x, top - 1).stroke();
    const bottom = top + rows * badge.height;
    doc.moveTo(x, bottom + 1).lineTo(x, bottom + CUT_MARK + 1).stroke();
  }
  for (let r = 0; r <= rows; r++) {
    const y = top + r * badge.height;
    doc.moveTo(left - CUT_MARK - 1, y).lineTo(left - 1, y).stroke();
    const right = left + columns * badge.width;
    doc.moveTo(right + 1, y).lineTo(Math.min(right + CUT_MARK + 1, page.width), y).stroke();
  }
  doc.restore();
}

/**
 * Badges for `attendees` in one PDF: one page per badge at its exact size, or, for `a4-sheet`,
 * ten business-card badges per A4 page with cut marks; sorted by reading for pickup tables.
 */
export async function renderBadges(attendees: readonly Attendee[], settings: BadgeSettings, size: BadgeSize, given: BadgeOptions = {}): Promise<BadgePdf> {
  await loadPdfRendering();
  // The design's choices for this size (a sheet has its own), and the logo decoded once per batch.
  const options: BadgeOptions = {
    ...given,
    choices: given.choices ?? settings.badgeDesign?.sizes[size] ?? DEFAULT_FIELD_CHOICES,
    logo: given.logo === undefined ? logoImageOf(settings) : given.logo,
  };
  const doc = newPdf('Musubi badges');
  const warnings: BadgePdf['warnings'] = [];
  let pages = 0;
  if (size === 'a4-sheet') {
    const { page, badge, columns, rows } = SHEET;
    const left = (page.width - columns * badge.width) / 2;
    const top = (page.height - rows * badge.height) / 2;
    const perPage = columns * rows;
    sortByReading(attendees).forEach((attendee, index) => {
      const slot = index % perPage;
      if (slot === 0) {
        doc.addPage({ size: [page.width, page.height], margin: 0 });
        drawCutMarks(doc, left, top);
        pages++;
      }
      const layout = layoutBadge(attendee, settings, badge, options);
      if (layout.warnings.length) warnings.push({ attendeeId: attendee.id, warnings: layout.warnings });
      drawBadge(doc, layout, left + (slot % columns) * badge.width, top + Math.floor(slot / columns) * badge.height);
    });
  } else {
    const page = BADGE_PAGES[size];
    for (const attendee of sortByReading(attendees)) {
      doc.addPage({ size: [page.width, page.height], margin: 0 });
      pages++;
      const layout = layoutBadge(attendee, settings, page, options);
      if (layout.warnings.length) warnings.push({ attendeeId: attendee.id, warnings: layout.warnings });
      drawBadge(doc, layout);
    }
  }
  if (pages === 0) doc.addPage({ size: [singleBadgePage(size).width, singleBadgePage(size).height], margin: 0 });
  return { pdf: await finishPdf(doc), warnings, pages: Math.max(pages, 1) };
}

/** One attendee's badge at its exact size (an `a4-sheet` event prints a single card-size badge). */
export function renderBadge(attendee: Attendee, settings: BadgeSettings, size: BadgeSize, options: BadgeOptions = {}): Promise<BadgePdf> {
  // A single badge of an `a4-sheet` event is card-sized but follows the sheet's design choices.
  const choices = options.choices ?? settings.badgeDesign?.sizes[size];
  return renderBadges([attendee], settings, size === 'a4-sheet' ? 'card' : size, choices ? { ...options, choices } : options);
}
