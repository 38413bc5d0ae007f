import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee } from '../../../../shared/domain/attendee';
import { useApi } from '../../api/context';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useIdleReset } from '../../hooks/useIdleReset';

/** After this long without a touch, the kiosk goes back to its welcome screen. */
export const KIOSK_IDLE_MS = 45_000;

type Step = { kind: 'enter' } | { kind: 'confirm'; attendee: Attendee } | { kind: 'done'; already: boolean };

/**
 * Self check-in. An attendee only ever sees their own card: the lookup is by exact ticket code,
 * never a list of names: a kiosk stands in public, and who else is coming is other people's data.
 */
export function KioskHome() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [ticket, setTicket] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'enter' });
  const [message, setMessage] = useState('');

  function reset(): void {
    setTicket('');
    setMessage('');
    setStep({ kind: 'enter' });
  }
  useIdleReset(step.kind !== 'enter' || ticket !== '' || message !== '', KIOSK_IDLE_MS, reset);

  async function find(event: FormEvent): Promise<void> {
    event.preventDefault();
    setMessage('');
    try {
      const attendee = await api.findByTicketCode({ ticketCode: ticket });
      if (attendee) setStep({ kind: 'confirm', attendee });
      else setMessage(t('kiosk.notFound'));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }

  async function confirm(attendee: Attendee): Promise<void> {
    try {
      const outcome = await api.checkIn({ attendeeId: attendee.id, source: 'kiosk' });
      setStep({ kind: 'done', already: outcome.status === 'already-checked-in' });
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }

  return (
    <section className="kiosk">
      <h1>{t('kiosk.welcome')}</h1>
      {step.kind === 'enter' && (
        <form onSubmit={(event) => void find(event)}>
          <p className="kiosk-instructions">{t('kiosk.instructions')}</p>
          <label className="kiosk-field">
            {t('kiosk.ticketLabel')}
            <input value={ticket} onChange={(event) => setTicket(event.target.value)} autoFocus autoComplete="off" inputMode="text" />
          </label>
          <button type="submit" className="primary" disabled={!ticket.trim()}>
            {t('kiosk.find')}
          </button>
        </form>
      )}
      {step.kind === 'confirm' && (
        <div className="kiosk-confirm">
          <p>{t('kiosk.isThisYou')}</p>
          {step.attendee.nameKana && <p className="furigana">{step.attendee.nameKana}</p>}
          <p className="attendee-name">{step.attendee.name}</p>
          <p>{step.attendee.company}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void confirm(step.attendee)}>
              {t('kiosk.confirm')}
            </button>
            <button type="button" className="secondary" onClick={reset}>
              {t('kiosk.notMe')}
            </button>
          </div>
        </div>
      )}
      {step.kind === 'done' && (
        <div className="kiosk-done" role="status">
          <p>{step.already ? t('kiosk.already') : t('kiosk.done')}</p>
          <button type="button" className="secondary" onClick={reset}>
            OK
          </button>
        </div>
      )}
      {message && (
        <p className="notice error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
