import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSettings } from '../../../../shared/domain/settings';
import { useApi } from '../../api/context';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useLiveQuery } from '../../hooks/useLiveQuery';

/** Loads the settings, then shows the form seeded with them. */
export function EventForm() {
  const { data: settings } = useLiveQuery((client) => client.getEvent());
  if (!settings) return null;
  return <EventFormFields key={`${settings.eventName}|${settings.eventDate}`} initial={settings} />;
}

function EventFormFields({ initial }: { initial: EventSettings }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState(initial.eventName);
  const [date, setDate] = useState(initial.eventDate);
  const [message, setMessage] = useState('');

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    try {
      await api.updateEvent({ eventName: name, eventDate: date });
      setMessage(t('organizer.saved'));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }

  return (
    <form className="panel" onSubmit={(event) => void save(event)}>
      <h2>{t('organizer.eventTitle')}</h2>
      <label>
        {t('organizer.eventName')}
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        {t('organizer.eventDate')}
        <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
      </label>
      <button type="submit" className="primary">
        {t('organizer.save')}
      </button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
