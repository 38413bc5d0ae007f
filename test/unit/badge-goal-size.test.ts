import { describe, expect, it } from 'vitest';
import { layoutBadge } from '../../electron/core/badges/layout';
import { BADGE_PAGES, MM } from '../../electron/core/badges/sizes';
import { EMPTY_ATTENDEE_FIELDS, type Attendee } from '../../shared/domain/attendee';
import { DEFAULT_EVENT_SETTINGS } from '../../shared/domain/defaults';

/**
 * The goal must read across a room as the industry colour does. On a 91×55 mm card, a mark of at
 * least 6 mm and a word of at least 4 mm read at 2–3 m; the mark keeps its size even when the
 * words must shrink to fit, because a shape reads from farther than a word.
 */
const person = (goals: string[], extra: Partial<Attendee> = {}): Attendee => ({
  ...EMPTY_ATTENDEE_FIELDS,
  id: '00000000-0000-4000-8000-000000000001',
  name: '山田 太郎',
  nameKana: 'やまだ たろう',
  company: '結び商事',
  industry: 'manufacturing',
  goals,
  lookingFor: ['it', 'finance'],
  checkedIn: null,
  conflicts: [],
  badgePrints: 0,
  left: false,
  ...extra,
});

function goalSizes(attendee: Attendee, ticketQr = false): { marks: number[]; words: number[] } {
  const layout = layoutBadge(attendee, DEFAULT_EVENT_SETTINGS, BADGE_PAGES.card, { ticketQr });
  return {
    marks: layout.ops.filter((op) => op.kind === 'mark').map((op) => op.box.h / MM),
    words: layout.ops.filter((op) => op.kind === 'text' && op.role === 'goal').map((op) => (op.kind === 'text' ? op.size / MM : 0)),
  };
}

describe('goal marks readable at 2–3 m on a card badge', () => {
  it.each([
    ['one goal', ['ideas'], false],
    ['two goals', ['ideas', 'network'], false],
    ['two goals beside a ticket QR', ['ideas', 'partners'], true],
  ] as const)('%s: marks ≥ 6 mm, words ≥ 4 mm where they fit', (_label, goals, qr) => {
    const { marks, words } = goalSizes(person([...goals], { ticketCode: 'MU-0001' }), qr);
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toBeGreaterThanOrEqual(6);
    if (!qr) for (const word of words) expect(word).toBeGreaterThanOrEqual(4);
  });
});
