import './partners.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context';
import { useClickedAnswer } from '../hooks/useClickedAnswer';

interface Props {
  attendeeId: string;
  /** The current answer (false when never asked: the default is no). */
  consent: boolean;
  onSaved?: (consent: boolean) => void;
}

/**
 * The desk's toggle: agree to or withdraw from partner suggestions (takes effect at once). What
 * was clicked shows until the station's answer changes (useClickedAnswer).
 */
export function PartnerConsentToggle({ attendeeId, consent, onSaved }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const { checked, busy, change } = useClickedAnswer(
    consent,
    (next) => api.setPartnerConsent({ attendeeId, consent: next }),
    (saved) => onSaved?.(saved.partnerConsent),
  );
  return (
    <label className="partner-consent-toggle">
      <input type="checkbox" checked={checked} disabled={busy} onChange={(event) => change(event.target.checked)} />
      {t('partners.consent.toggle')}
    </label>
  );
}

/** The kiosk's question on its confirmation step: two large answers, nothing pre-selected as yes. */
export function PartnerConsentQuestion({ attendeeId, consent, onSaved }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  const [answer, setAnswer] = useState<boolean | null>(consent ? true : null);
  const save = (value: boolean) => {
    setAnswer(value);
    void api.setPartnerConsent({ attendeeId, consent: value }).then((saved) => onSaved?.(saved.partnerConsent));
  };
  return (
    <fieldset className="partner-consent-question">
      <legend>{t('partners.consent.question')}</legend>
      <p className="muted">{t('partners.consent.detail')}</p>
      <div className="answers">
        <button type="button" className={answer === true ? 'primary' : 'secondary'} aria-pressed={answer === true} onClick={() => save(true)}>
          {t('partners.consent.yes')}
        </button>
        <button type="button" className={answer === false ? 'primary' : 'secondary'} aria-pressed={answer === false} onClick={() => save(false)}>
          {t('partners.consent.no')}
        </button>
      </div>
    </fieldset>
  );
}
