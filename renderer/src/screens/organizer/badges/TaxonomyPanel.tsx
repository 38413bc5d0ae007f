import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tooSimilarColours } from '../../../../../shared/domain/palette-check';
import { GOAL_MARKS, type Goal, type Industry } from '../../../../../shared/domain/settings';
import { useApi } from '../../../api/context';
import { SettingsEditor, type SaveFeedback } from '../../../components/SettingsEditor';
import { GOAL_MARK_GLYPH } from '../dashboard/labels';


/** The editor of the event's industries and goals, seeded with the saved ones. */
export function TaxonomyPanel() {
  return (
    <SettingsEditor part={(settings) => [settings.industries, settings.goals]}>
      {(settings, feedback) => <TaxonomyFields industries={settings.industries} goals={settings.goals} feedback={feedback} />}
    </SettingsEditor>
  );
}

function nextId(prefix: string, taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  while (taken.some((item) => item.id === `${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/**
 * Industries (label + band colour) and goals (label + shape mark), edited by the organizer and
 * saved through the event log like every other setting. Colours that people would confuse are
 * flagged as the organizer picks them.
 */
function TaxonomyFields(initial: { industries: Industry[]; goals: Goal[]; feedback: SaveFeedback }) {
  const { feedback } = initial;
  const { t } = useTranslation();
  const api = useApi();
  const [industries, setIndustries] = useState(initial.industries);
  const [goals, setGoals] = useState(initial.goals);
  const similar = tooSimilarColours(industries);

  const editIndustry = (index: number, change: Partial<Industry>): void =>
    setIndustries((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const editGoal = (index: number, change: Partial<Goal>): void =>
    setGoals((list) => list.map((item, i) => (i === index ? { ...item, ...change } : item)));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    await feedback.run(() => api.updateEvent({ industries, goals }), t('badges.saved'));
  }

  return (
    <form className="panel taxonomy-panel" onSubmit={(event) => void save(event)}>
      <h2>{t('badges.taxonomyTitle')}</h2>
      <h3>{t('badges.industries')}</h3>
      <ul className="taxonomy-list">
        {industries.map((industry, index) => (
          <li key={industry.id}>
            <input
              type="color"
              aria-label={t('badges.colourOf', { name: industry.ja })}
              value={industry.color.toLowerCase()}
              onChange={(event) => editIndustry(index, { color: event.target.value.toUpperCase() })}
            />
            <input aria-label={t('badges.labelJa', { n: index + 1 })} value={industry.ja} onChange={(event) => editIndustry(index, { ja: event.target.value })} />
            <input aria-label={t('badges.labelEn', { n: index + 1 })} value={industry.en} onChange={(event) => editIndustry(index, { en: event.target.value })} />
            <button type="button" className="link" onClick={() => setIndustries((list) => list.filter((_, i) => i !== index))}>
              {t('badges.remove', { name: industry.ja })}
            </button>
          </li>
        ))}
      </ul>
      {similar.length > 0 && (
        <ul className="notice info" role="status" aria-label={t('badges.similarTitle')}>
          {similar.map(({ a, b }) => (
            <li key={`${a.id}|${b.id}`}>{t('badges.similar', { a: a.ja, b: b.ja })}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => setIndustries((list) => [...list, { id: nextId('industry', list), ja: t('badges.newIndustry'), en: 'New industry', color: '#777777' }])}
      >
        {t('badges.addIndustry')}
      </button>

      <h3>{t('badges.goals')}</h3>
      <ul className="taxonomy-list">
        {goals.map((goal, index) => (
          <li key={goal.id}>
            <select aria-label={t('badges.markOf', { name: goal.ja })} value={goal.mark} onChange={(event) => editGoal(index, { mark: event.target.value as Goal['mark'] })}>
              {GOAL_MARKS.map((mark) => (
                <option key={mark} value={mark}>
                  {GOAL_MARK_GLYPH[mark]} {t(`badges.marks.${mark}`)}
                </option>
              ))}
            </select>
            <input aria-label={t('badges.goalJa', { n: index + 1 })} value={goal.ja} onChange={(event) => editGoal(index, { ja: event.target.value })} />
            <input aria-label={t('badges.goalEn', { n: index + 1 })} value={goal.en} onChange={(event) => editGoal(index, { en: event.target.value })} />
            <button type="button" className="link" onClick={() => setGoals((list) => list.filter((_, i) => i !== index))}>
              {t('badges.remove', { name: goal.ja })}
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="secondary"
        disabled={goals.length >= GOAL_MARKS.length}
        onClick={() =>
          setGoals((list) => {
            const free = GOAL_MARKS.find((mark) => !list.some((g) => g.mark === mark)) ?? 'circle';
            return [...list, { id: nextId('goal', list), ja: t('badges.newGoal'), en: 'New goal', mark: free }];
          })
        }
      >
        {t('badges.addGoal')}
      </button>
      <button type="submit" className="primary">
        {t('badges.saveTaxonomy')}
      </button>
      {feedback.message && <p role="status">{feedback.message}</p>}
    </form>
  );
}
