import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { describeIntroduction, describeSuggestion, goalText } from '../../renderer/src/components/partner-wording';
import { partners } from '../../renderer/src/i18n/topics/partners';
import { labelsFor } from '../../renderer/src/screens/organizer/dashboard/labels';
import { DEFAULT_EVENT_SETTINGS } from '../../shared/domain/defaults';
import type { SuggestionReason } from '../../shared/domain/partners/types';

/** What the desk and kiosk print under a suggested person, in each language. */
describe('partner suggestion wording', () => {
  // The app's own messages for the topic, in an instance of their own (no page to set `lang` on).
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { ja: { translation: { partners: partners.ja } }, en: { translation: { partners: partners.en } } },
    lng: 'ja',
    interpolation: { escapeValue: false },
  });
  const words = async (language: 'ja' | 'en', reasons: SuggestionReason[], industry: string) => {
    await i18n.changeLanguage(language);
    const labels = labelsFor(DEFAULT_EVENT_SETTINGS, language, '—');
    return describeSuggestion(reasons, industry, { industry: labels.industry, goal: goalText(DEFAULT_EVENT_SETTINGS, language) }, i18n.t);
  };
  const hiringHealthcare: SuggestionReason[] = [
    { kind: 'goal', yourGoal: 'job', theirGoal: 'hiring' },
    { kind: 'sector-you-seek', industry: 'healthcare' },
    { kind: 'just-arrived' },
  ];

  it('names their goal and industry in natural Japanese, and in a few English words', async () => {
    expect(await words('ja', hiringHealthcare, 'healthcare')).toEqual({ headline: '採用を考えている医療・ヘルスケアの方', extras: ['お探しの業種', '到着したばかり'] });
    expect(await words('en', hiringHealthcare, 'healthcare')).toEqual({ headline: 'hiring, Healthcare', extras: ['a sector you seek', 'just arrived'] });
  });

  it('falls back to the event’s own goal label, and has no headline without a goal reason (the industry chip says it)', async () => {
    expect((await words('ja', [{ kind: 'goal', yourGoal: 'x', theirGoal: 'x' }], 'it')).headline).toBe('「x」が目的のIT・通信の方');
    expect(await words('ja', [{ kind: 'seeks-your-sector', industry: 'it' }], 'finance')).toEqual({ headline: '', extras: ['あなたの業種を探しています'] });
  });

  it('says why two people are introduced on the venue screen by their two goals', async () => {
    const pair = async (language: 'ja' | 'en', reasons: SuggestionReason[]) => {
      await i18n.changeLanguage(language);
      return describeIntroduction(reasons, { goal: goalText(DEFAULT_EVENT_SETTINGS, language) }, i18n.t);
    };
    expect(await pair('ja', hiringHealthcare)).toBe('転職・就職 × 採用');
    expect(await pair('en', hiringHealthcare)).toBe('Job seeking × Hiring');
    expect(await pair('ja', [{ kind: 'goal', yourGoal: 'partners', theirGoal: 'partners' }])).toBe('協業・パートナー探し同士');
    expect(await pair('en', [{ kind: 'goal', yourGoal: 'partners', theirGoal: 'partners' }])).toBe('Both: Partners');
    expect(await pair('ja', [{ kind: 'just-arrived' }])).toBe('');
  });
});
