import type { EventSettings, Goal } from '../../../../../shared/domain/settings';

/** Text marks for the goal shapes on the badge, so charts and badges agree. */
export const GOAL_MARK_GLYPH: Record<Goal['mark'], string> = {
  circle: '●',
  triangle: '▲',
  square: '■',
  diamond: '◆',
  star: '★',
  hexagon: '⬢',
  cross: '✚',
  heart: '♥',
};

const NEUTRAL = '#8a94a6';

export interface Labelled {
  id: string;
  label: string;
  color: string;
}

/** Industry and goal ids → the event's own labels (and industry colours, the badge colours). */
export function labelsFor(settings: EventSettings | undefined, language: string, notGiven: string) {
  const lang = language === 'en' ? 'en' : 'ja';
  return {
    industry(id: string): Labelled {
      const found = settings?.industries.find((i) => i.id === id);
      return { id, label: found ? found[lang] : id || notGiven, color: found?.color ?? NEUTRAL };
    },
    goal(id: string): Labelled {
      const found = settings?.goals.find((g) => g.id === id);
      return { id, label: found ? `${GOAL_MARK_GLYPH[found.mark]} ${found[lang]}` : id || notGiven, color: '#1d2330' };
    },
  };
}
