import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartialAttendeeFields } from '../../../../shared/domain/attendee';
import type { EventSettings } from '../../../../shared/domain/settings';
import { GOAL_MARK_GLYPH } from '../organizer/dashboard/labels';

export interface FormValues {
  name: string;
  nameKana: string;
  company: string;
  email: string;
  industry: string;
  goals: string[];
  lookingFor: string[];
}

export const EMPTY_FORM: FormValues = { name: '', nameKana: '', company: '', email: '', industry: '', goals: [], lookingFor: [] };

interface Props {
  /** walk-in: a new person (name required, e-mail optional); edit: what staff may change at the desk. */
  mode: 'walk-in' | 'edit';
  initial: FormValues;
  settings: EventSettings | undefined;
  busy: boolean;
  onSubmit: (fields: PartialAttendeeFields) => void;
  onCancel: () => void;
}

function toggle(list: string[], id: string, on: boolean): string[] {
  return on ? [...new Set([...list, id])] : list.filter((item) => item !== id);
}

/** The desk's form for a walk-in (checked in and printed in one step) or for editing someone. */
export function AttendeeForm({ mode, initial, settings, busy, onSubmit, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<FormValues>(initial);
  const label = (entry: { ja: string; en: string }): string => (i18n.language === 'en' ? entry.en : entry.ja);
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
    const { name, nameKana, company, email, industry, goals, lookingFor } = values;
    onSubmit(mode === 'walk-in' ? { name: name.trim(), nameKana, company, email, industry, goals, lookingFor } : { company, industry, goals, lookingFor });
  }

  return (
    <form className="desk-form" aria-label={t(mode === 'walk-in' ? 'door.walkInTitle' : 'door.editTitle')} onSubmit={submit}>
      <h2>{mode === 'walk-in' ? t('door.walkInTitle') : t('door.editTitle', { name: initial.name })}</h2>
      <div className="desk-form-grid">
        {mode === 'walk-in' && text('name')}
        {mode === 'walk-in' && text('nameKana')}
        {text('company')}
        {mode === 'walk-in' && text('email', 'email')}
        <label>
          {t('door.form.industry')}
          <select value={values.industry} onChange={(event) => setValues((current) => ({ ...current, industry: event.target.value }))}>
            <option value="">{t('door.industryUnset')}</option>
            {settings?.industries.map((industry) => (
              <option key={industry.id} value={industry.id}>
                {label(industry)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t('door.form.goals')}</legend>
        {settings?.goals.map((goal) => (
          <label key={goal.id} className="check">
            <input
              type="checkbox"
              checked={values.goals.includes(goal.id)}
              onChange={(event) => setValues((current) => ({ ...current, goals: toggle(current.goals, goal.id, event.target.checked) }))}
            />
            <span aria-hidden="true">{GOAL_MARK_GLYPH[goal.mark]}</span> {label(goal)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('door.form.lookingFor')}</legend>
        {settings?.industries.map((industry) => (
          <label key={industry.id} className="check">
            <input
              type="checkbox"
              checked={values.lookingFor.includes(industry.id)}
              onChange={(event) =>
                setValues((current) => ({ ...current, lookingFor: toggle(current.lookingFor, industry.id, event.target.checked) }))
              }
            />
            <span className="swatch" style={{ background: industry.color }} aria-hidden="true" /> {label(industry)}
          </label>
        ))}
      </fieldset>
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
