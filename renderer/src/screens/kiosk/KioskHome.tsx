import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskLookup, KioskPerson } from '../../../../shared/api/methods/kiosk';
import { useApi } from '../../api/context';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useIdleReset } from '../../hooks/useIdleReset';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useScanCapture } from '../../hooks/useScanCapture';
import { KioskByName, KioskConfirm, KioskDone, KioskGoals, KioskWelcome, type KioskPrint } from './KioskScreens';
import './kiosk.css';

/** After this long without a touch, the kiosk goes back to its welcome screen. */
export const KIOSK_IDLE_MS = 45_000;

type Step =
  | { kind: 'welcome' }
  | { kind: 'by-name' }
  | { kind: 'confirm'; lookupId: string; person: KioskPerson }
  | { kind: 'goals'; lookupId: string; person: KioskPerson }
  | { kind: 'done'; person: KioskPerson; already: boolean; print: KioskPrint };

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/**
 * Self check-in for an attendee alone at a tablet: welcome → scan or find by name → "is this
 * you?" → today's goals → badge → whom to look for. One person's card at a time, never a list;
 * a scan at any step starts over with the new ticket; left alone, it returns to the welcome.
 */
export function KioskHome() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const { data: settings } = useLiveQuery((client) => client.getEvent());
  const [step, setStep] = useState<Step>({ kind: 'welcome' });
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const ticketBox = useRef<HTMLInputElement>(null);
  // Each visit has a number: a late answer from an abandoned visit never changes the screen.
  const visit = useRef(0);

  function reset(): void {
    visit.current += 1;
    setMessage('');
    setBusy(false);
    setStep({ kind: 'welcome' });
  }
  useIdleReset(step.kind !== 'welcome' || message !== '', KIOSK_IDLE_MS, reset);

  function showLookup(lookup: KioskLookup): void {
    if (lookup.status === 'found') {
      setMessage('');
      setStep({ kind: 'confirm', lookupId: lookup.lookupId, person: lookup.person });
    } else {
      setMessage(lookup.status === 'ask-staff' ? t('door.kiosk.askStaff') : t('door.kiosk.notFound'));
    }
  }

  async function look(find: () => Promise<KioskLookup>): Promise<void> {
    const mine = ++visit.current;
    try {
      const lookup = await find();
      if (mine === visit.current) showLookup(lookup);
    } catch (error) {
      if (mine === visit.current) setMessage(errorMessage(error));
    }
  }

  const findByCode = (code: string): void => {
    setStep({ kind: 'welcome' });
    void look(() => api.kioskFindByCode({ code: code.slice(0, 500) }));
  };
  useScanCapture(findByCode, ticketBox);

  async function checkIn(lookupId: string, person: KioskPerson, goals: string[], lookingFor: string[]): Promise<void> {
    const mine = visit.current;
    setBusy(true);
    try {
      const changed = { goals: sameList(goals, person.goals) ? undefined : goals, lookingFor: sameList(lookingFor, person.lookingFor) ? undefined : lookingFor };
      const outcome = await api.kioskCheckIn({ lookupId, ...changed });
      if (mine !== visit.current) return;
      if (outcome.status === 'not-admitted') {
        setMessage(t('lists.kioskNotAdmitted'));
        return;
      }
      const already = outcome.status === 'already-checked-in';
      setStep({ kind: 'done', person: outcome.person, already, print: outcome.print.state === 'started' ? 'printing' : 'none' });
      if (outcome.print.state === 'started') {
        const result = await api.autoPrintResult({ printId: outcome.print.printId }).catch(() => null);
        if (mine !== visit.current) return;
        const print: KioskPrint = result?.state === 'printed' ? 'printed' : result?.state === 'failed' ? 'failed' : 'none';
        setStep((now) => (now.kind === 'done' ? { ...now, print } : now));
      }
    } catch (error) {
      if (mine === visit.current) setMessage(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="kiosk">
      {step.kind === 'welcome' && <KioskWelcome ticketBox={ticketBox} onCode={findByCode} onByName={() => setStep({ kind: 'by-name' })} />}
      {step.kind === 'by-name' && (
        <KioskByName
          onFind={(name, secret) => void look(() => api.kioskFindByName({ name: name.slice(0, 200), secret: secret.slice(0, 254) }))}
          onBack={reset}
        />
      )}
      {step.kind === 'confirm' && (
        <KioskConfirm
          person={step.person}
          onYes={() =>
            step.person.checkedIn
              ? void checkIn(step.lookupId, step.person, step.person.goals, step.person.lookingFor)
              : setStep({ kind: 'goals', lookupId: step.lookupId, person: step.person })
          }
          onNo={reset}
        />
      )}
      {step.kind === 'goals' && (
        <KioskGoals person={step.person} settings={settings} busy={busy} onCheckIn={(goals, sectors) => void checkIn(step.lookupId, step.person, goals, sectors)} />
      )}
      {step.kind === 'done' && <KioskDone person={step.person} already={step.already} print={step.print} settings={settings} onFinish={reset} />}
      {message && (
        <p className="notice error kiosk-message" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
