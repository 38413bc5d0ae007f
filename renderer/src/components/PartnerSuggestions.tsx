import './partners.css';
import { useTranslation } from 'react-i18next';
import type { SuggestionReason } from '../../../shared/domain/partners/types';
import type { EventSettings } from '../../../shared/domain/settings';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { textColourOn } from '../../../shared/domain/colour';
import { labelsFor } from '../screens/organizer/dashboard/labels';
import { describeSuggestion, goalText } from './partner-wording';

/** What a suggestion shows: the desk's carry an id, the kiosk's do not (KioskPartner). */
interface ShownPartner {
  name: string;
  company: string;
  industry: string;
  goals: readonly string[];
  reasons: readonly SuggestionReason[];
}

/**
 * Up to three people in the room for `attendeeId` to look for, right after check-in at the desk:
 * it asks again when the room changes (someone withdraws or leaves: they disappear at once);
 * showing the same people again is not counted twice (the core decides). The read goes through
 * the page's shared live reads like every other; the event's settings are the desk's own.
 */
export function PartnerSuggestions({ attendeeId, settings }: { attendeeId: string; settings: EventSettings | undefined }) {
  const { data } = useLiveQuery((api) => api.suggestPartners({ attendeeId }), attendeeId);
  if (!data) return null;
  return <PartnerSuggestionList suggestions={data.suggestions} settings={settings} />;
}

interface ListProps {
  suggestions: readonly ShownPartner[];
  /** The screen's settings (industry names and colours, goal marks): drawn once they are there, never with raw ids. */
  settings: EventSettings | undefined;
  large?: boolean;
}

/**
 * The suggestions as given (the kiosk gets them with its check-in): name, company, industry colour
 * and goal marks, and why in a few words of the reader's language.
 */
export function PartnerSuggestionList({ suggestions, settings, large = false }: ListProps) {
  const { t, i18n } = useTranslation();
  if (!settings) return null;
  const labels = labelsFor(settings, i18n.language, t('dashboard.notGiven'));
  const goals = goalText(settings, i18n.language);
  return (
    <section className={`partner-suggestions${large ? ' is-large' : ''}`} aria-labelledby="partner-suggestions-title" data-testid="partner-suggestions">
      <h3 id="partner-suggestions-title">{t('partners.title')}</h3>
      {suggestions.length === 0 ? (
        <p className="muted">{t('partners.none')}</p>
      ) : (
        <ol>
          {suggestions.map((person, index) => {
            const industry = labels.industry(person.industry);
            const why = describeSuggestion(person.reasons, person.industry, { industry: labels.industry, goal: goals }, t);
            return (
              // The list is short and fixed for one showing; the kiosk's entries carry no id.
              <li key={`${index}-${person.name}`}>
                <span className="industry-chip" style={{ background: industry.color, color: textColourOn(industry.color) }}>
                  {industry.label}
                </span>
                <strong className="partner-name">{person.name}</strong>
                {person.company && <span className="partner-company">{person.company}</span>}
                <span className="partner-goals">{person.goals.map((g) => goals(g).chip).join('　')}</span>
                {/* The extras as tags: joined by "·" they ran into the "・" inside Japanese sector and goal names. */}
                <span className="partner-why">
                  {why.headline && <span>{why.headline}</span>}
                  {why.extras.map((extra) => (
                    <span key={extra} className="partner-tag">
                      {extra}
                    </span>
                  ))}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
