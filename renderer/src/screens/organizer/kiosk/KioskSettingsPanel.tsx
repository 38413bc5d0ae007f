import { useTranslation } from 'react-i18next';
import type { KioskSettings } from '../../../../../shared/api/methods/kiosk';
import { useApi } from '../../../api/context';
import { useActionMessage } from '../../../hooks/useActionMessage';
import { useLiveQuery } from '../../../hooks/useLiveQuery';

/** This station's kiosk switches: walk-ins at the kiosk, and the partner slip after the badge (both off by default). */
export function KioskSettingsPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const { data: settings } = useLiveQuery((client) => client.getKioskSettings());
  const { message, run } = useActionMessage();
  const save = (change: Partial<KioskSettings>): void => void run(() => api.updateKioskSettings(change), t('kiosk.settings.saved'));
  return (
    <section className="panel" aria-labelledby="kiosk-settings-title">
      <h2 id="kiosk-settings-title">{t('kiosk.settings.title')}</h2>
      <p className="muted">{t('kiosk.settings.intro')}</p>
      {settings && (
        <>
          <label className="checkbox">
            <input type="checkbox" checked={settings.walkIn} onChange={(event) => save({ walkIn: event.target.checked })} />
            {t('kiosk.settings.walkIn')}
          </label>
          <p className="muted">{t('kiosk.settings.walkInHint')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={settings.partnerSlip} onChange={(event) => save({ partnerSlip: event.target.checked })} />
            {t('kiosk.settings.partnerSlip')}
          </label>
          <p className="muted">{t('kiosk.settings.partnerSlipHint')}</p>
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
