import { useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskCheckInOutcome, KioskPartner, KioskPerson } from '../../../../shared/api/methods/kiosk';
import type { EventSettings } from '../../../../shared/domain/settings';
import { PartnerSuggestionList } from '../../components/PartnerSuggestions';
import { GoalMarks, IndustryChip, SectorList } from '../../components/Taxonomy';
import { GOAL_MARK_GLYPH } from '../organizer/dashboard/labels';
import { CameraScan } from '../staff/CameraScan';

/** Welcome: scan (scanner or camera), type the ticket number, or find me by name. */
export function KioskWelcome({
  ticketBox,
  onCode,
  onByName,
  onWalkIn,
}: {
  ticketBox: RefObject<HTMLInputElement | null>;
  onCode: (code: string) => void;
  onByName: () => void;
  /** Offered only when this station takes walk-ins at the kiosk. */
  onWalkIn?: () => void;
}) {
  const { t } = useTranslation();
  const [ticket, setTicket] = useState('');
  function submit(event: FormEvent): void {
    event.preventDefault();
    if (ticket.trim()) onCode(ticket);
  }
  return (
    <div className="kiosk-step">
      <h1>{t('door.kiosk.welcome')}</h1>
      <p className="kiosk-lead">{t('door.kiosk.scanTitle')}</p>
      <p className="kiosk-hint">{t('door.kiosk.scanHint')}</p>
      <CameraScan onCode={onCode} large />
      <form onSubmit={submit} className="kiosk-ticket">
        <label className="kiosk-field">
          {t('door.kiosk.ticketLabel')}
          <input ref={ticketBox} value={ticket} onChange={(event) => setTicket(event.target.value)} autoFocus autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="primary" disabled={!ticket.trim()}>
          {t('door.kiosk.find')}
        </button>
      </form>
      <button type="button" className="secondary kiosk-by-name" onClick={onByName}>
        {t('door.kiosk.byName')}
      </button>
      {onWalkIn && (
        <button type="button" className="secondary kiosk-walk-in" onClick={onWalkIn}>
          {t('kiosk.walkIn.start')}
        </button>
      )}
    </div>
  );
}

/** What a walk-in types about themself before the goals step. */
export interface KioskWalkInDetails {
  name: string;
  nameKana: string;
  company: string;
  industry: string;
  email: string;
}

/** "I haven't registered": name, reading, company, industry and an optional e-mail; the goals come next. */
export function KioskWalkInForm({
  settings,
  initial,
  onNext,
  onCancel,
}: {
  settings: EventSettings | undefined;
  initial: KioskWalkInDetails;
  onNext: (details: KioskWalkInDetails) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [details, setDetails] = useState(initial);
  const set = (field: keyof KioskWalkInDetails) => (event: { target: { value: string } }) => setDetails((now) => ({ ...now, [field]: event.target.value }));
  const label = (entry: { ja: string; en: string }): string => (i18n.language === 'en' ? entry.en : entry.ja);
  return (
    <form
      className="kiosk-step"
      onSubmit={(event) => {
        event.preventDefault();
        onNext(details);
      }}
    >
      <h1>{t('kiosk.walkIn.title')}</h1>
      <p className="kiosk-hint">{t('kiosk.walkIn.hint')}</p>
      <label className="kiosk-field">
        {t('kiosk.walkIn.name')}
        <input value={details.name} onChange={set('name')} autoFocus autoComplete="off" maxLength={200} />
      </label>
      <label className="kiosk-field">
        {t('kiosk.walkIn.nameKana')}
        <input value={details.nameKana} onChange={set('nameKana')} autoComplete="off" maxLength={200} />
      </label>
      <label className="kiosk-field">
        {t('kiosk.walkIn.company')}
        <input value={details.company} onChange={set('company')} autoComplete="off" maxLength={200} />
      </label>
      <h2>{t('kiosk.walkIn.industry')}</h2>
      <div className="kiosk-toggles" role="group" aria-label={t('kiosk.walkIn.industry')}>
        {settings?.industries.map((industry) => (
          <button
            key={industry.id}
            type="button"
            aria-pressed={details.industry === industry.id}
            onClick={() => setDetails((now) => ({ ...now, industry: now.industry === industry.id ? '' : industry.id }))}
          >
            <span className="swatch" style={{ background: industry.color }} aria-hidden="true" /> {label(industry)}
          </button>
        ))}
      </div>
      <label className="kiosk-field">
        {t('kiosk.walkIn.email')}
        <input type="email" value={details.email} onChange={set('email')} autoComplete="off" inputMode="email" spellCheck={false} maxLength={254} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!details.name.trim()}>
          {t('kiosk.walkIn.next')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('kiosk.walkIn.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Find me by name: the name as registered and the e-mail (or its part before @) as the check. */
export function KioskByName({ onFind, onBack }: { onFind: (name: string, secret: string) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  return (
    <form
      className="kiosk-step"
      onSubmit={(event) => {
        event.preventDefault();
        onFind(name, secret);
      }}
    >
      <h1>{t('door.kiosk.byNameTitle')}</h1>
      <label className="kiosk-field">
        {t('door.kiosk.nameLabel')}
        <input value={name} onChange={(event) => setName(event.target.value)} autoFocus autoComplete="off" />
      </label>
      <label className="kiosk-field">
        {t('door.kiosk.secretLabel')}
        <input value={secret} onChange={(event) => setSecret(event.target.value)} autoComplete="off" inputMode="email" spellCheck={false} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!name.trim() || !secret.trim()}>
          {t('door.kiosk.search')}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          {t('door.kiosk.back')}
        </button>
      </div>
    </form>
  );
}

/** One card, never a list: "is this you?" */
export function KioskConfirm({ person, onYes, onNo, onLeave }: { person: KioskPerson; onYes: () => void; onNo: () => void; onLeave?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="kiosk-step">
      <h1>{t('door.kiosk.isThisYou')}</h1>
      <div className="kiosk-card">
        {person.nameKana && <p className="furigana">{person.nameKana}</p>}
        <p className="attendee-name">{person.name}</p>
        {person.company && <p>{person.company}</p>}
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={onYes}>
          {t('door.kiosk.yes')}
        </button>
        <button type="button" className="secondary" onClick={onNo}>
          {t('door.kiosk.notMe')}
        </button>
      </div>
      {/* Someone already in the room who scans again may be on their way out. */}
      {onLeave && (
        <button type="button" className="secondary kiosk-leave" onClick={onLeave}>
          {t('kiosk.leave.button')}
        </button>
      )}
    </div>
  );
}

/** After "I have left": thanks, and how to come back. */
export function KioskLeft({ onFinish }: { onFinish: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="kiosk-step kiosk-done" role="status" aria-live="polite">
      <h1>{t('kiosk.leave.done')}</h1>
      <p className="kiosk-hint">{t('kiosk.leave.detail')}</p>
      <button type="button" className="secondary" onClick={onFinish}>
        {t('door.kiosk.finish')}
      </button>
    </div>
  );
}

function toggled(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((item) => item !== id) : [...list, id];
}

/** What the confirmation step sends with the check-in. */
export interface KioskAnswers {
  goals: string[];
  lookingFor: string[];
  partnerConsent: boolean;
  vcardOptIn: boolean;
}

/** A yes/no question with two large answers; the current answer is the pressed one. */
function KioskQuestion({ name, value, onChange }: { name: 'consent' | 'vcard'; value: boolean; onChange: (value: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="kiosk-question" data-testid={`kiosk-question-${name}`}>
      <legend>{t(`kiosk.${name}.question`)}</legend>
      <p className="kiosk-hint">{t(`kiosk.${name}.detail`)}</p>
      <div className="kiosk-answers">
        <button type="button" aria-pressed={value} onClick={() => onChange(true)}>
          {t(`kiosk.${name}.yes`)}
        </button>
        <button type="button" aria-pressed={!value} onClick={() => onChange(false)}>
          {t(`kiosk.${name}.no`)}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Today's goals and the sectors they want to meet, pre-filled from the registration, and the two
 * questions (shown to others, contact QR on the badge), pre-filled from earlier answers, else no.
 */
export function KioskGoals({
  person,
  settings,
  busy,
  onCheckIn,
}: {
  person: Pick<KioskPerson, 'goals' | 'lookingFor' | 'partnerConsent' | 'vcardOptIn'>;
  settings: EventSettings | undefined;
  busy: boolean;
  onCheckIn: (answers: KioskAnswers) => void;
}) {
  const { t, i18n } = useTranslation();
  const [goals, setGoals] = useState(person.goals);
  const [sectors, setSectors] = useState(person.lookingFor);
  const [partnerConsent, setPartnerConsent] = useState(person.partnerConsent);
  const [vcardOptIn, setVcardOptIn] = useState(person.vcardOptIn);
  const label = (entry: { ja: string; en: string }): string => (i18n.language === 'en' ? entry.en : entry.ja);
  return (
    <div className="kiosk-step">
      <h1>{t('door.kiosk.goalsTitle')}</h1>
      <p className="kiosk-hint">{t('door.kiosk.goalsHint')}</p>
      <h2>{t('door.kiosk.goals')}</h2>
      <div className="kiosk-toggles" role="group" aria-label={t('door.kiosk.goals')}>
        {settings?.goals.map((goal) => (
          <button key={goal.id} type="button" aria-pressed={goals.includes(goal.id)} onClick={() => setGoals((now) => toggled(now, goal.id))}>
            <span aria-hidden="true" className="goal-glyph">
              {GOAL_MARK_GLYPH[goal.mark]}
            </span>{' '}
            {label(goal)}
          </button>
        ))}
      </div>
      <h2>{t('door.kiosk.sectors')}</h2>
      <div className="kiosk-toggles" role="group" aria-label={t('door.kiosk.sectors')}>
        {settings?.industries.map((industry) => (
          <button key={industry.id} type="button" aria-pressed={sectors.includes(industry.id)} onClick={() => setSectors((now) => toggled(now, industry.id))}>
            <span className="swatch" style={{ background: industry.color }} aria-hidden="true" /> {label(industry)}
          </button>
        ))}
      </div>
      <KioskQuestion name="consent" value={partnerConsent} onChange={setPartnerConsent} />
      <KioskQuestion name="vcard" value={vcardOptIn} onChange={setVcardOptIn} />
      <button type="button" className="primary kiosk-go" disabled={busy} onClick={() => onCheckIn({ goals, lookingFor: sectors, partnerConsent, vcardOptIn })}>
        {t('door.kiosk.checkIn')}
      </button>
    </div>
  );
}

export type KioskPrint = 'printing' | 'printed' | 'failed' | 'none';

/** The end: checked in, the badge, and whom to look for. */
export function KioskDone({
  person,
  status,
  print,
  suggestions,
  slip,
  settings,
  onFinish,
}: {
  person: KioskPerson;
  status: Exclude<KioskCheckInOutcome['status'], 'not-admitted'>;
  print: KioskPrint;
  suggestions: KioskPartner[];
  slip: boolean;
  settings: EventSettings | undefined;
  onFinish: () => void;
}) {
  const { t } = useTranslation();
  const printText = { printing: 'door.kiosk.printing', printed: 'door.kiosk.printed', failed: 'door.kiosk.printFailed', none: 'door.kiosk.noPrint' }[print];
  return (
    <div className="kiosk-step kiosk-done" role="status" aria-live="polite">
      <h1>{t({ 'checked-in': 'door.kiosk.done', 'already-checked-in': 'door.kiosk.already', back: 'kiosk.leave.back' }[status])}</h1>
      <p className={`kiosk-print is-${print}`} data-testid="kiosk-print">
        {t(printText)}
      </p>
      {slip && print !== 'failed' && <p className="kiosk-hint">{t('kiosk.slip')}</p>}
      <dl className="kiosk-badge">
        <dt>{t('door.kiosk.yourColour')}</dt>
        <dd>
          <IndustryChip settings={settings} industry={person.industry} large />
        </dd>
        {person.goals.length > 0 && (
          <>
            <dt>{t('door.kiosk.yourGoals')}</dt>
            <dd>
              <GoalMarks settings={settings} goals={person.goals} large />
            </dd>
          </>
        )}
        {person.lookingFor.length > 0 && (
          <>
            <dt>{t('door.kiosk.lookFor')}</dt>
            <dd>
              <SectorList settings={settings} sectors={person.lookingFor} large />
            </dd>
          </>
        )}
      </dl>
      <p className="kiosk-hint">{t('door.kiosk.legend')}</p>
      <PartnerSuggestionList suggestions={suggestions} settings={settings} large />
      <button type="button" className="secondary" onClick={onFinish}>
        {t('door.kiosk.finish')}
      </button>
    </div>
  );
}
