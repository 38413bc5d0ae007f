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

/** Dark text on light badge colours (yellow, light green), white on dark ones. */
export function inkOn(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? '#1d2330' : '#ffffff';
}
