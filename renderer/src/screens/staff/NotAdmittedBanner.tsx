import { useTranslation } from 'react-i18next';
import type { Attendee } from '../../../../shared/domain/attendee';
import type { CheckinList } from '../../../../shared/domain/settings';

/**
 * The door refused this person: the station's check-in list does not admit their ticket type
 * (decided in core). Staff read why and decide: check in anyway, or not.
 */
export function NotAdmittedBanner(props: { attendee: Attendee; list: CheckinList; busy: boolean; onOverride: () => void; onDismiss: () => void }) {
  const { t, i18n } = useTranslation();
  const list = i18n.language === 'ja' ? props.list.ja : props.list.en;
  const { name, ticketType } = props.attendee;
  return (
    <div className="banner is-not-found not-admitted" role="alert" data-testid="banner">
      <strong className="banner-title">{t('lists.refusedTitle', { list })}</strong>
      <span>{ticketType ? t('lists.refusedBody', { name, ticketType, list }) : t('lists.refusedNoType', { name, list })}</span>
      <div className="not-admitted-actions">
        <button type="button" className="primary" disabled={props.busy} onClick={props.onOverride}>
          {t('lists.override')}
        </button>
        <button type="button" className="secondary" onClick={props.onDismiss}>
          {t('lists.dismiss')}
        </button>
      </div>
    </div>
  );
}
