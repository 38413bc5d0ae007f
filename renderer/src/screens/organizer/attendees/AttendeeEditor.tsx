import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterRow } from '../../../../../shared/api/methods/roster';
import { EMPTY_ATTENDEE_FIELDS, type AttendeeFields } from '../../../../../shared/domain/attendee';
import type { EventSettings } from '../../../../../shared/domain/settings';

const TEXT_FIELDS = [
  ['name', 'name', 'text'],
  ['nameKana', 'nameKana', 'text'],
  ['company', 'company', 'text'],
  ['title', 'title2', 'text'],
  ['email', 'email', 'email'],
  ['phone', 'phone', 'tel'],
  ['ticketCode', 'ticketCode', 'text'],
] as const;

// Consent to partner suggestions is the attendee's own answer (kiosk, desk toggle, import), not an edit.
type Editable = Omit<AttendeeFields, 'walkIn' | 'vcardOptIn' | 'partnerConsent'>;

function editableOf(person: RosterRow | null): Editable {
  const { walkIn: _walkIn, vcardOptIn: _vcard, partnerConsent: _consent, ...fields } = person ?? EMPTY_ATTENDEE_FIELDS;
  return {
    ticketCode: fields.ticketCode,
    name: fields.name,
    nameKana: fields.nameKana,
    company: fields.company,
    title: fields.title,
    industry: fields.industry,
    goals: [...fields.goals],
    lookingFor: [...fields.lookingFor],
    email: fields.email,
    phone: fields.phone,
    note: fields.note,
  };
}

/**
 * The form to add someone or change any of their fields, with goals and looking-for as the
 * event's lists. Removing asks once more and says that it can be undone.
 */
export function AttendeeEditor(props: {
  person: RosterRow | null;
  settings: EventSettings | undefined;
  onSave: (fields: Editable) => Promise<void>;
  onRemove: () => Promise<void>;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [fields, setFields] = useState<Editable>(() => editableOf(props.person));
  const [confirming, setConfirming] = useState(false);
  const label = (item: { ja: string; en: string }) => (i18n.language === 'en' ? item.en : item.ja);
  const toggle = (list: 'goals' | 'lookingFor', id: string) =>
    setFields((current) => ({
      ...current,
      [list]: current[list].includes(id) ? current[list].filter((x) => x !== id) : [...current[list], id],
    }));

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void props.onSave(fields);
  };

  return (
    <div className="roster-dialog-backdrop">
      <form className="panel roster-dialog" role="dialog" aria-modal="true" aria-label={t(props.person ? 'roster.editTitle' : 'roster.addTitle')} onSubmit={submit}>
        <h2>{t(props.person ? 'roster.editTitle' : 'roster.addTitle')}</h2>
        <div className="roster-dialog-fields">
          {TEXT_FIELDS.map(([name, key, type]) => (
            <label key={name}>
              {t(`roster.${key}`)}
              <input
                type={type}
                value={fields[name]}
                required={name === 'name'}
                onChange={(event) => setFields((current) => ({ ...current, [name]: event.target.value }))}
              />
            </label>
          ))}
          <label>
            {t('roster.industry')}
            <select value={fields.industry} onChange={(event) => setFields((current) => ({ ...current, industry: event.target.value }))}>
              <option value="">{t('roster.industryNone')}</option>
              {props.settings?.industries.map((industry) => (
                <option key={industry.id} value={industry.id}>
                  {label(industry)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset>
          <legend>{t('roster.goals')}</legend>
          {props.settings?.goals.map((goal) => (
            <label key={goal.id} className="roster-check">
              <input type="checkbox" checked={fields.goals.includes(goal.id)} onChange={() => toggle('goals', goal.id)} />
              {label(goal)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('roster.lookingFor')}</legend>
          {props.settings?.industries.map((industry) => (
            <label key={industry.id} className="roster-check">
              <input type="checkbox" checked={fields.lookingFor.includes(industry.id)} onChange={() => toggle('lookingFor', industry.id)} />
              {label(industry)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('roster.note')}
          <textarea value={fields.note} rows={2} onChange={(event) => setFields((current) => ({ ...current, note: event.target.value }))} />
        </label>
        {confirming ? (
          <div className="roster-confirm" role="alertdialog" aria-label={t('roster.remove')}>
            <p>{t('roster.confirmRemove', { name: props.person?.name ?? '' })}</p>
            <div className="roster-actions">
              <button type="button" className="danger" onClick={() => void props.onRemove()}>
                {t('roster.confirmYes')}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t('roster.confirmNo')}
              </button>
            </div>
          </div>
        ) : (
          <div className="roster-actions">
            <button type="submit" className="primary">
              {t('roster.save')}
            </button>
            <button type="button" onClick={props.onClose}>
              {t('roster.cancel')}
            </button>
            {props.person && !props.person.removed && (
              <button type="button" className="danger roster-remove" onClick={() => setConfirming(true)}>
                {t('roster.remove')}
              </button>
            )}
          </div>
        )}
      </form>
    </div>
  );
}
