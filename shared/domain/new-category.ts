import { GOAL_MARKS, type AnswerCatalogue, type EventSettings, type Goal, type Industry } from './settings';

/**
 * Colours offered to an industry added from an import's answers, after the defaults' own: mid
 * tones that stay apart from the default palette. The organizer can change it in the badge settings.
 */
const EXTRA_COLOURS = ['#7F7F00', '#00807F', '#804000', '#5F5FBF', '#BF3F7F', '#3F7F3F', '#9F7FBF', '#BF9F3F'];

function freeId(taken: readonly { id: string }[]): string {
  const ids = new Set(taken.map((item) => item.id));
  let n = 1;
  while (ids.has(`custom-${n}`)) n++;
  return `custom-${n}`;
}

/**
 * A category named after an answer of the registration form (an answer the event's list lacks):
 * both labels are the answer (80 characters at most), with an unused id and an unused colour or mark.
 */
export function categoryFromAnswer(settings: EventSettings, catalogue: AnswerCatalogue, answer: string): Industry | Goal {
  const label = answer.trim().slice(0, 80);
  if (catalogue === 'goals') {
    const used = new Set(settings.goals.map((g) => g.mark));
    const mark = GOAL_MARKS.find((m) => !used.has(m)) ?? GOAL_MARKS[settings.goals.length % GOAL_MARKS.length] ?? 'circle';
    return { id: freeId(settings.goals), ja: label, en: label, mark } satisfies Goal;
  }
  const used = new Set(settings.industries.map((i) => i.color.toUpperCase()));
  const color = EXTRA_COLOURS.find((c) => !used.has(c)) ?? '#808080';
  return { id: freeId(settings.industries), ja: label, en: label, color } satisfies Industry;
}
