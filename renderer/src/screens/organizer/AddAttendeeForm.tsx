import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useLiveQuery } from '../../hooks/useLiveQuery';

const EMPTY = { name: '', nameKana: '', company: '', email: '', ticketCode: '', industry: '' };
type FormFields = typeof EMPTY;

export function AddAttendeeForm() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const { data: settings } = useLiveQuery((client) => client.getEvent());
  const [fields, setFields] = useState<FormFields>(EMPTY);
  const [message, setMessage] = useState('');

  const set = (name: keyof FormFields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));

  async function add(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      const attendee = await api.addAttendee(fields);
      setFields(EMPTY);
      setMessage(t('organizer.added', { name: attendee.name }));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }

  const textField = (name: Exclude<keyof FormFields, 'industry'>, type = 'text') => (
    <label>
      {t(`organizer.${name}`)}
      <input type={type} value={fields[name]} onChange={set(name)} required={name === 'name'} />
    </label>
  );

  return (
    <form className="panel" onSubmit={(event) => void add(event)}>
      <h2>{t('organizer.addTitle')}</h2>
      {textField('name')}
      {textField('nameKana')}
      {textField('company')}
      {textField('email', 'email')}
      {textField('ticketCode')}
      <label>
        {t('organizer.industry')}
        <select value={fields.industry} onChange={set('industry')}>
          <option value="">{t('organizer.industryNone')}</option>
          {settings?.industries.map((industry) => (
            <option key={industry.id} value={industry.id}>
              {i18n.language === 'en' ? industry.en : industry.ja}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary">
        {t('organizer.add')}
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
