import { useTranslation } from 'react-i18next';
import { textColourOn } from '../../../shared/domain/colour';
import type { EventSettings } from '../../../shared/domain/settings';
import { GOAL_MARK_GLYPH } from '../screens/organizer/dashboard/labels';
import './taxonomy.css';

/** The industry as on the badge: its colour band with its name on it (never colour alone). */
export function IndustryChip({ settings, industry, large = false }: { settings: EventSettings | undefined; industry: string; large?: boolean }) {
  const { t, i18n } = useTranslation();
  const found = settings?.industries.find((entry) => entry.id === industry);
  if (!found) return <span className="industry-chip is-unset">{t('door.industryUnset')}</span>;
  return (
    <span
      className={`industry-chip ${large ? 'is-large' : ''}`}
      data-testid="industry-chip"
      style={{ background: found.color, color: textColourOn(found.color) }}
    >
      {i18n.language === 'en' ? found.en : found.ja}
    </span>
  );
}

/** Goals as on the badge: each one's mark and its word. */
export function GoalMarks({ settings, goals, large = false }: { settings: EventSettings | undefined; goals: readonly string[]; large?: boolean }) {
  const { i18n } = useTranslation();
  const known = (settings?.goals ?? []).filter((goal) => goals.includes(goal.id));
  if (known.length === 0) return null;
  return (
    <ul className={`goal-marks ${large ? 'is-large' : ''}`} data-testid="goal-marks">
      {known.map((goal) => (
        <li key={goal.id}>
          <span className="goal-glyph" aria-hidden="true">
            {GOAL_MARK_GLYPH[goal.mark]}
          </span>
          {i18n.language === 'en' ? goal.en : goal.ja}
        </li>
      ))}
    </ul>
  );
}

/** The sectors someone wants to meet, each in its colour with its name. */
export function SectorList({ settings, sectors, large = false }: { settings: EventSettings | undefined; sectors: readonly string[]; large?: boolean }) {
  const known = (settings?.industries ?? []).filter((industry) => sectors.includes(industry.id));
  if (known.length === 0) return null;
  return (
    <ul className={`sector-list ${large ? 'is-large' : ''}`} data-testid="sector-list">
      {known.map((industry) => (
        <li key={industry.id}>
          <IndustryChip settings={settings} industry={industry.id} large={large} />
        </li>
      ))}
    </ul>
  );
}

/** An attendee's industry, goals and the sectors they want to meet, as the event's lists. */
export interface TaxonomyChoice {
  industry: string;
  goals: string[];
  lookingFor: string[];
}

function toggled(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((item) => item !== id);
}

/**
 * The one way a form asks for industry, goals and looking-for (desk walk-in and edit, the
 * organizer's editor): a select of industries, then goals with their badge marks and sectors with
 * their colours as checkboxes. `texts` are the form's own labels.
 */
export function TaxonomyPickers(props: {
  settings: EventSettings | undefined;
  value: TaxonomyChoice;
  onChange: (change: Partial<TaxonomyChoice>) => void;
  texts: { industry: string; industryNone: string; goals: string; lookingFor: string };
  checkClassName: string;
}) {
  const { i18n } = useTranslation();
  const { settings, value, onChange, texts, checkClassName } = props;
  const label = (entry: { ja: string; en: string }): string => (i18n.language === 'en' ? entry.en : entry.ja);
  return (
    <>
      <label>
        {texts.industry}
        <select value={value.industry} onChange={(event) => onChange({ industry: event.target.value })}>
          <option value="">{texts.industryNone}</option>
          {settings?.industries.map((industry) => (
            <option key={industry.id} value={industry.id}>
              {label(industry)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{texts.goals}</legend>
        {settings?.goals.map((goal) => (
          <label key={goal.id} className={checkClassName}>
            <input
              type="checkbox"
              checked={value.goals.includes(goal.id)}
              onChange={(event) => onChange({ goals: toggled(value.goals, goal.id, event.target.checked) })}
            />
            <span aria-hidden="true">{GOAL_MARK_GLYPH[goal.mark]}</span> {label(goal)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{texts.lookingFor}</legend>
        {settings?.industries.map((industry) => (
          <label key={industry.id} className={checkClassName}>
            <input
              type="checkbox"
              checked={value.lookingFor.includes(industry.id)}
              onChange={(event) => onChange({ lookingFor: toggled(value.lookingFor, industry.id, event.target.checked) })}
            />
            <span className="swatch" style={{ background: industry.color }} aria-hidden="true" /> {label(industry)}
          </label>
        ))}
      </fieldset>
    </>
  );
}
