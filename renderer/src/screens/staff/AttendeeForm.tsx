import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changedFields, type PartialAttendeeFields } from '../../../../shared/domain/attendee';
import type { EventSettings } from '../../../../shared/domain/settings';
import { TaxonomyPickers } from '../../components/Taxonomy';

export interface FormValues {
  name: string;
  nameKana: string;
  company: string;
  email: string;
  industry: string;
  goals: string[];
  lookingFor: string[];
  /** The contact QR (vCard) on the badge. */
  vcardOptIn: boolean;
}

export const EMPTY_FORM: FormValues = { name: '', nameKana: '', company: '', email: '', industry: '', goals: [], lookingFor: [], vcardOptIn: false };

interface Props {
  /** walk-in: a new person (name required, e-mail optional); edit: what staff may change at the desk. */
  mode: 'walk-in' | 'edit';
  initial: FormValues;
  settings: EventSettings | undefined;
  busy: boolean;
  /** A walk-in's every field; an edit's changed fields only (possibly none). */
  onSubmit: (fields: PartialAttendeeFields) => void;
  onCancel: () => void;
}

/** The desk's form for a walk-in (checked in and printed in one step) or for editing someone. */
export function AttendeeForm({ mode, initial, settings, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(initial);
  const text = (name: 'name' | 'nameKana' | 'company' | 'email', type = 'text') => (
    <label>
      {t(`door.form.${name}`)}
      <input
        type={type}
        value={values[name]}
        required={name === 'name'}
        autoComplete="off"
        onChange={(event) => setValues((current) => ({ ...current, [name]: event.target.value }))}
      />
    </label>
  );

  function submit(event: FormEvent): void {
    event.preventDefault();
    const { name, nameKana, company, email, industry, goals, lookingFor, vcardOptIn } = values;
    onSubmit(
      mode === 'walk-in'
        ? { name: name.trim(), nameKana, company, email, industry, goals, lookingFor, vcardOptIn }
        : changedFields(initial, { company, industry, goals, lookingFor, vcardOptIn }),
    );
  }

  return (
    <form className="desk-form" aria-label={t(mode === 'walk-in' ? 'door.walkInTitle' : 'door.editTitle')} onSubmit={submit}>
      <h2>{mode === 'walk-in' ? t('door.walkInTitle') : t('door.editTitle', { name: initial.name })}</h2>
      <div className="desk-form-grid">
        {mode === 'walk-in' && text('name')}
        {mode === 'walk-in' && text('nameKana')}
        {text('company')}
        {mode === 'walk-in' && text('email', 'email')}
      </div>
      <TaxonomyPickers
        settings={settings}
        value={values}
        onChange={(change) => setValues((current) => ({ ...current, ...change }))}
        texts={{ industry: t('door.form.industry'), industryNone: t('door.industryUnset'), goals: t('door.form.goals'), lookingFor: t('door.form.lookingFor') }}
        checkClassName="check"
      />
      <label className="check">
        <input
          type="checkbox"
          checked={values.vcardOptIn}
          onChange={(event) => setValues((current) => ({ ...current, vcardOptIn: event.target.checked }))}
        />
        {t('door.vcardOptIn')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || (mode === 'walk-in' && !values.name.trim())}>
          {mode === 'walk-in' ? t('door.walkInSubmit') : t('door.editSubmit')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('door.cancel')}
        </button>
      </div>
    </form>
  );
}
