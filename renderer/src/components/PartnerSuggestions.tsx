import './partners.css';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { textColourOn } from '../../../shared/domain/colour';
import { labelsFor } from '../screens/organizer/dashboard/labels';
import { describeSuggestion, goalText } from './partner-wording';

/**
 * Up to three people in the room for `attendeeId` to look for, right after check-in (desk and
 * kiosk): name, company, industry colour and goal marks, and why in a few words. It asks again when
 * the room changes (someone withdraws or leaves: they disappear at once); showing the same people
 * again is not counted twice (the core decides).
 */
export function PartnerSuggestions({ attendeeId }: { attendeeId: string }) {
  const { t, i18n } = useTranslation();
  const { data } = useLiveQuery((api) => api.suggestPartners({ attendeeId }), attendeeId);
  const { data: settings } = useLiveQuery((api) => api.getEvent());
  if (!data) return null;
  const labels = labelsFor(settings, i18n.language, t('dashboard.notGiven'));
  const goals = goalText(settings, i18n.language);
  return (
    <section className="partner-suggestions" aria-labelledby="partner-suggestions-title" data-testid="partner-suggestions">
      <h3 id="partner-suggestions-title">{t('partners.title')}</h3>
      {data.suggestions.length === 0 ? (
        <p className="muted">{t('partners.none')}</p>
      ) : (
        <ol>
          {data.suggestions.map((person) => {
            const industry = labels.industry(person.industry);
            const why = describeSuggestion(person.reasons, person.industry, { industry: labels.industry, goal: goals }, t);
            return (
              <li key={person.id}>
                <span className="industry-chip" style={{ background: industry.color, color: textColourOn(industry.color) }}>
                  {industry.label}
                </span>
                <strong className="partner-name">{person.name}</strong>
                {person.company && <span className="partner-company">{person.company}</span>}
                <span className="partner-goals">{person.goals.map((g) => goals(g).chip).join('　')}</span>
                <span className="partner-why">
                  {why.headline}
                  {why.extras.length > 0 && ` · ${why.extras.join(' · ')}`}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
