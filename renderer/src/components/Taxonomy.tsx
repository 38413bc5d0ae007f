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
