import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MusubiError } from '../../../../shared/errors';
import { useApi } from '../../api/context';
import { useSession } from '../../api/session';

/**
 * The one way out of a locked kiosk: a discreet button for staff, then the staff PIN, which the
 * station checks (a wrong one makes the next try wait longer).
 */
export function KioskUnlock() {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useSession();
  const [open, setOpen] = useState(false);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState('');

  async function unlock(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      await api.exitKioskMode({ pin });
      setOpen(false);
      window.location.hash = '#/staff';
      await refresh();
    } catch (error) {
      setPin('');
      setMessage(t('access.unlock.failed', { message: error instanceof MusubiError ? error.message : '' }));
    }
  }

  if (!open) {
    return (
      <button type="button" className="kiosk-staff-button secondary" onClick={() => setOpen(true)}>
        {t('access.unlock.open')}
      </button>
    );
  }
  return (
    <form className="panel kiosk-unlock" aria-labelledby="kiosk-unlock-title" onSubmit={(event) => void unlock(event)}>
      <h2 id="kiosk-unlock-title">{t('access.unlock.title')}</h2>
      <label>
        {t('access.unlock.pinLabel')}
        <input type="password" value={pin} onChange={(event) => setPin(event.target.value)} autoComplete="off" inputMode="numeric" />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={pin === ''}>
          {t('access.unlock.submit')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setOpen(false);
            setPin('');
            setMessage('');
          }}
        >
          {t('access.unlock.cancel')}
        </button>
      </div>
      {message && <p role="alert">{message}</p>}
    </form>
  );
}
