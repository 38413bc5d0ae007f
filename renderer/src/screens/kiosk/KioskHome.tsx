import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskCheckInOutcome, KioskLookup, KioskPartner, KioskPerson } from '../../../../shared/api/methods/kiosk';
import { MusubiError } from '../../../../shared/errors';
import { useApi } from '../../api/context';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useIdleReset } from '../../hooks/useIdleReset';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useScanCapture } from '../../hooks/useScanCapture';
import {
  KioskByName,
  KioskConfirm,
  KioskDone,
  KioskGoals,
  KioskLeft,
  KioskWalkInForm,
  KioskWelcome,
  type KioskAnswers,
  type KioskPrint,
  type KioskWalkInDetails,
} from './KioskScreens';
import './kiosk.css';

/** After this long without a touch, the kiosk goes back to its welcome screen. */
export const KIOSK_IDLE_MS = 45_000;

type Step =
  | { kind: 'welcome' }
  | { kind: 'by-name' }
  | { kind: 'confirm'; lookupId: string; person: KioskPerson }
  | { kind: 'goals'; lookupId: string; person: KioskPerson }
  | { kind: 'done'; person: KioskPerson; status: Exclude<KioskCheckInOutcome['status'], 'not-admitted'>; print: KioskPrint; suggestions: KioskPartner[]; slip: boolean }
  | { kind: 'left' }
  | { kind: 'walk-in'; details: KioskWalkInDetails }
  | { kind: 'walk-in-goals'; details: KioskWalkInDetails };

const NO_DETAILS: KioskWalkInDetails = { name: '', nameKana: '', company: '', industry: '', email: '' };
const NO_ANSWERS = { goals: [], lookingFor: [], partnerConsent: false, vcardOptIn: false };

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/**
 * Self check-in for an attendee alone at a tablet: welcome → scan or find by name → "is this
 * you?" → today's goals → badge → whom to look for. One person's card at a time, never a list;
 * a scan at any step starts over with the new ticket; left alone, it returns to the welcome.
 */
export function KioskHome() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const { data: settings } = useLiveQuery((client) => client.getEvent());
  const { data: kioskSettings } = useLiveQuery((client) => client.getKioskSettings());
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

  const language = (): 'ja' | 'en' => (i18n.language === 'en' ? 'en' : 'ja');

  function checkIn(lookupId: string, person: KioskPerson, answers?: KioskAnswers): Promise<void> {
    // Only what the person changed is sent; the core writes only what differs anyway.
    const changed = answers && {
      goals: sameList(answers.goals, person.goals) ? undefined : answers.goals,
      lookingFor: sameList(answers.lookingFor, person.lookingFor) ? undefined : answers.lookingFor,
      partnerConsent: answers.partnerConsent === person.partnerConsent ? undefined : answers.partnerConsent,
      vcardOptIn: answers.vcardOptIn === person.vcardOptIn ? undefined : answers.vcardOptIn,
    };
    return arrive(() => api.kioskCheckIn({ lookupId, ...changed, language: language() }));
  }

  async function arrive(send: () => Promise<KioskCheckInOutcome | { status: 'ask-staff' }>): Promise<void> {
    const mine = visit.current;
    setBusy(true);
    try {
      const outcome = await send();
      if (mine !== visit.current) return;
      if (outcome.status === 'ask-staff') {
        setMessage(t('door.kiosk.askStaff'));
        return;
      }
      if (outcome.status === 'not-admitted') {
        setMessage(t('lists.kioskNotAdmitted'));
        return;
      }
      setStep({ kind: 'done', person: outcome.person, status: outcome.status, print: outcome.print.state === 'started' ? 'printing' : 'none', suggestions: outcome.suggestions, slip: outcome.slip });
      if (outcome.print.state === 'started') {
        const result = await api.autoPrintResult({ printId: outcome.print.printId }).catch(() => null);
        if (mine !== visit.current) return;
        const print: KioskPrint = result?.state === 'printed' ? 'printed' : result?.state === 'failed' ? 'failed' : 'none';
        setStep((now) => (now.kind === 'done' ? { ...now, print } : now));
      }
    } catch (error) {
      // Only a walk-in can be refused outright: the station stopped taking them at the kiosk.
      if (mine === visit.current) setMessage(error instanceof MusubiError && error.code === 'forbidden' ? t('kiosk.walkIn.refused') : errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function leave(lookupId: string): Promise<void> {
    const mine = visit.current;
    setBusy(true);
    try {
      await api.kioskLeave({ lookupId });
      if (mine === visit.current) setStep({ kind: 'left' });
    } catch (error) {
      if (mine === visit.current) setMessage(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="kiosk">
      {step.kind === 'welcome' && (
        <KioskWelcome
          ticketBox={ticketBox}
          onCode={findByCode}
          onByName={() => setStep({ kind: 'by-name' })}
          onWalkIn={kioskSettings?.walkIn ? () => setStep({ kind: 'walk-in', details: NO_DETAILS }) : undefined}
        />
      )}
      {step.kind === 'walk-in' && (
        <KioskWalkInForm settings={settings} initial={step.details} onNext={(details) => setStep({ kind: 'walk-in-goals', details })} onCancel={reset} />
      )}
      {step.kind === 'walk-in-goals' && (
        <KioskGoals
          person={NO_ANSWERS}
          settings={settings}
          busy={busy}
          onCheckIn={(answers) => void arrive(() => api.kioskWalkIn({ ...step.details, email: step.details.email.trim(), ...answers, language: language() }))}
        />
      )}
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
              ? void checkIn(step.lookupId, step.person)
              : setStep({ kind: 'goals', lookupId: step.lookupId, person: step.person })
          }
          onNo={reset}
          onLeave={step.person.checkedIn && !step.person.left ? () => void leave(step.lookupId) : undefined}
        />
      )}
      {step.kind === 'goals' && (
        <KioskGoals person={step.person} settings={settings} busy={busy} onCheckIn={(answers) => void checkIn(step.lookupId, step.person, answers)} />
      )}
      {step.kind === 'done' && (
        <KioskDone person={step.person} status={step.status} print={step.print} suggestions={step.suggestions} slip={step.slip} settings={settings} onFinish={reset} />
      )}
      {step.kind === 'left' && <KioskLeft onFinish={reset} />}
      {message && (
        <p className="notice error kiosk-message" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
