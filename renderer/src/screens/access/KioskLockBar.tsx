import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useSession } from '../../api/session';
import { useErrorMessage } from '../../hooks/useErrorMessage';

/**
 * Above the self check-in screen for the organizer or staff: locks this browser into kiosk mode on
 * the station (choosing the staff PIN the first time). From then on the station answers this
 * browser as a kiosk, whatever page or URL it opens.
 */
export function KioskLockBar() {
  const { t } = useTranslation();
  const api = useApi();
  const { state, refresh } = useSession();
  const errorMessage = useErrorMessage();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');
  const needsPin = state.status === 'ready' && !state.who.staffPinSet;

  async function lock(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      await api.enterKioskMode(needsPin ? { staffPin: pin } : {});
      window.location.hash = '#/kiosk';
      await refresh();
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }

  return (
    <form className="panel kiosk-lock-bar" aria-labelledby="kiosk-lock-title" onSubmit={(event) => void lock(event)}>
      <h2 id="kiosk-lock-title">{t('access.lock.title')}</h2>
      <p className="muted">{t('access.lock.intro')}</p>
      {needsPin && (
        <label>
          {t('access.lock.choosePin')}
          <input type="password" value={pin} onChange={(event) => setPin(event.target.value)} autoComplete="new-password" minLength={4} />
        </label>
      )}
      <button type="submit" className="primary" disabled={needsPin && pin.length < 4}>
        {t('access.lock.submit')}
      </button>
      {message && <p role="alert">{message}</p>}
    </form>
  );
}
