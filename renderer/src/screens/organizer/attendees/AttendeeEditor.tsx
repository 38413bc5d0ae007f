import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterRow } from '../../../../../shared/api/methods/roster';
import { EMPTY_ATTENDEE_FIELDS, type AttendeeFields, type RegistrationStatus } from '../../../../../shared/domain/attendee';
import type { EventSettings } from '../../../../../shared/domain/settings';
import { TaxonomyPickers } from '../../../components/Taxonomy';
import { RegistrationStatusOptions } from './RegistrationStatusOptions';

const TEXT_FIELDS = [
  ['name', 'name', 'text'],
  ['nameKana', 'nameKana', 'text'],
  ['nickname', 'nickname', 'text'],
  ['company', 'company', 'text'],
  ['title', 'title2', 'text'],
  ['email', 'email', 'email'],
  ['phone', 'phone', 'tel'],
  ['ticketCode', 'ticketCode', 'text'],
  ['ticketType', 'ticketType', 'text'],
] as const;

// Consent to partner suggestions is the attendee's own answer (kiosk, desk toggle, import), not an
// edit. The registration status usually comes from the export, but an organizer told of a
// cancellation by mail sets it here (a field like any other: an `attendee.upsert`, synced).
type Editable = Omit<AttendeeFields, 'walkIn' | 'vcardOptIn' | 'partnerConsent'>;

function editableOf(person: RosterRow | null): Editable {
  const { walkIn: _walkIn, vcardOptIn: _vcard, partnerConsent: _consent, ...fields } = person ?? EMPTY_ATTENDEE_FIELDS;
  return {
    ticketCode: fields.ticketCode,
    ticketType: fields.ticketType,
    name: fields.name,
    nameKana: fields.nameKana,
    nickname: fields.nickname,
    company: fields.company,
    title: fields.title,
    industry: fields.industry,
    goals: [...fields.goals],
    lookingFor: [...fields.lookingFor],
    email: fields.email,
    phone: fields.phone,
    note: fields.note,
    registrationStatus: fields.registrationStatus,
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
  const { t } = useTranslation();
  const [fields, setFields] = useState<Editable>(() => editableOf(props.person));
  const [confirming, setConfirming] = useState(false);

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
          <label className="roster-registration">
            {t('roster.registration')}
            <select
              value={fields.registrationStatus}
              onChange={(event) => setFields((current) => ({ ...current, registrationStatus: event.target.value as RegistrationStatus }))}
            >
              <RegistrationStatusOptions />
            </select>
          </label>
        </div>
        <TaxonomyPickers
          settings={props.settings}
          value={fields}
          onChange={(change) => setFields((current) => ({ ...current, ...change }))}
          texts={{ industry: t('roster.industry'), industryNone: t('roster.industryNone'), goals: t('roster.goals'), lookingFor: t('roster.lookingFor') }}
          checkClassName="roster-check"
        />
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
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                {t('roster.confirmNo')}
              </button>
            </div>
          </div>
        ) : (
          <div className="roster-actions">
            <button type="submit" className="primary">
              {t('roster.save')}
            </button>
            <button type="button" className="secondary" onClick={props.onClose}>
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
