import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MusubiError } from '../../../../shared/errors';
import { useApi } from '../../api/context';
import { useSession } from '../../api/session';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/**
 * The one way out of a locked kiosk: a discreet corner button for staff, then the staff PIN on a
 * pad of large keys (or typed), which the station checks (a wrong one makes the next try wait
 * longer, decided by the station).
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
        <input type="password" value={pin} onChange={(event) => setPin(event.target.value)} autoComplete="off" inputMode="numeric" maxLength={64} />
      </label>
      <div className="pin-pad" role="group" aria-label={t('kiosk.staff.pad')}>
        {DIGITS.map((digit) => (
          <button key={digit} type="button" aria-label={t('kiosk.staff.digit', { digit })} onClick={() => setPin((now) => (now + digit).slice(0, 64))}>
            {digit}
          </button>
        ))}
        <button type="button" aria-label={t('kiosk.staff.clear')} onClick={() => setPin((now) => now.slice(0, -1))}>
          ⌫
        </button>
      </div>
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
