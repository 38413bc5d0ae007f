import { useTranslation } from 'react-i18next';
import type { EventSettings } from '../../../../../shared/domain/settings';
import { describeIntroduction, goalText } from '../../../components/partner-wording';
import { useLiveQuery } from '../../../hooks/useLiveQuery';
import { labelsFor } from './labels';

/**
 * The room view's partner part: unmet demand by sector (counts only), and introductions now among
 * people who agreed to be suggested (their name and industry, nothing more).
 */
export function PartnerRoomPanel({ settings }: { settings: EventSettings | undefined }) {
  const { t, i18n } = useTranslation();
  const { data } = useLiveQuery((api) => api.getPartnerRoom());
  if (!data) return null;
  const labels = labelsFor(settings, i18n.language, t('dashboard.notGiven'));
  const goals = goalText(settings, i18n.language);
  return (
    <>
      <div data-testid="room-demand">
        <h2>{t('partners.room.demandTitle')}</h2>
        {data.demand.length === 0 ? (
          <p>{t('partners.room.demandEmpty')}</p>
        ) : (
          <ul className="room-demand">
            {data.demand.slice(0, 5).map((row) => (
              <li key={row.industry} className={row.seeking > row.present ? 'unmet' : undefined}>
                <span>{t('partners.room.demandSeeking', { industry: labels.industry(row.industry).label, seeking: row.seeking })}</span>
                {' / '}
                <span>{t('partners.room.demandPresent', { industry: labels.industry(row.industry).label, present: row.present })}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div data-testid="room-introductions">
        <h2>{t('partners.room.introductionsTitle')}</h2>
        {data.introductions.length === 0 ? (
          <p>{t('partners.room.introductionsEmpty')}</p>
        ) : (
          <ul className="room-introductions">
            {data.introductions.map(({ a, b, reasons }) => (
              <li key={`${a.id}-${b.id}`}>
                <span className="pair">
                  <span className="person">
                    <strong>{a.name}</strong>
                    {t('partners.room.industryAfterName', { industry: labels.industry(a.industry).label })}
                  </span>
                  {' ↔ '}
                  <span className="person">
                    <strong>{b.name}</strong>
                    {t('partners.room.industryAfterName', { industry: labels.industry(b.industry).label })}
                  </span>
                </span>
                <small>{describeIntroduction(reasons, { goal: goals }, t)}</small>
              </li>
            ))}
          </ul>
        )}
        <p className="room-hint">{t('partners.room.introductionsHint')}</p>
      </div>
    </>
  );
}
