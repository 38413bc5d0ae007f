import type { TFunction } from 'i18next';
import type { SuggestionReason } from '../../../shared/domain/partners/types';
import type { EventSettings } from '../../../shared/domain/settings';
import { GOAL_MARK_GLYPH } from '../screens/organizer/dashboard/labels';

interface Labels {
  industry(id: string): { label: string };
  goal(id: string): { label: string };
}

/**
 * The few words of why someone is suggested, from the engine's reasons: a headline naming their
 * goal and industry ("採用を考えている医療・ヘルスケアの方" / "hiring, Healthcare"), '' when no goal
 * brings them together, and short extras.
 */
export function describeSuggestion(
  reasons: readonly SuggestionReason[],
  industry: string,
  labels: Labels,
  t: TFunction,
): { headline: string; extras: string[] } {
  const industryLabel = labels.industry(industry).label;
  const goal = reasons.find((r) => r.kind === 'goal');
  // Without a goal reason the headline would only repeat the industry chip beside it.
  let headline = '';
  if (goal) {
    const key = `partners.goalPhrase.${goal.theirGoal}`;
    const phrase = t(key, { defaultValue: '' }) || t('partners.goalPhraseOther', { goal: labels.goal(goal.theirGoal).label });
    headline = t('partners.personOf', { phrase, industry: industryLabel });
  }
  const extras = reasons.flatMap((r) => {
    if (r.kind === 'sector-you-seek') return [t('partners.sectorYouSeek')];
    if (r.kind === 'seeks-your-sector') return [t('partners.seeksYourSector')];
    if (r.kind === 'just-arrived') return [t('partners.justArrived')];
    return [];
  });
  return { headline, extras };
}

/**
 * Why two people are introduced on the venue screen, in a few words: their two goals
 * ("採用 × 転職・就職", "協業・パートナー探し同士"); '' when the pair has no goal reason.
 */
export function describeIntroduction(reasons: readonly SuggestionReason[], labels: Pick<Labels, 'goal'>, t: TFunction): string {
  const goal = reasons.find((r) => r.kind === 'goal');
  if (!goal) return '';
  const a = labels.goal(goal.yourGoal).label;
  const b = labels.goal(goal.theirGoal).label;
  return a === b ? t('partners.room.sameGoal', { goal: a }) : t('partners.room.goalPair', { a, b });
}

/** Goal ids → the plain label for sentences and "★ アイデア創出" for the chips. */
export function goalText(settings: EventSettings | undefined, language: string) {
  const lang = language === 'en' ? 'en' : 'ja';
  return (id: string) => {
    const goal = settings?.goals.find((g) => g.id === id);
    return { label: goal ? goal[lang] : id, chip: goal ? `${GOAL_MARK_GLYPH[goal.mark]} ${goal[lang]}` : id };
  };
}
