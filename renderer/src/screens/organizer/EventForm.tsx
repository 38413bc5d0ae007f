import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSettings } from '../../../../shared/domain/settings';
import { useApi } from '../../api/context';
import { SettingsEditor, type SaveFeedback } from '../../components/SettingsEditor';

/** The event's name and date, seeded with the saved ones. */
export function EventForm() {
  return (
    <SettingsEditor part={(settings) => [settings.eventName, settings.eventDate]}>
      {(settings, feedback) => <EventFormFields initial={settings} feedback={feedback} />}
    </SettingsEditor>
  );
}

function EventFormFields({ initial, feedback }: { initial: EventSettings; feedback: SaveFeedback }) {
  const { t } = useTranslation();
  const api = useApi();
  const [name, setName] = useState(initial.eventName);
  const [date, setDate] = useState(initial.eventDate);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    await feedback.run(() => api.updateEvent({ eventName: name, eventDate: date }), t('organizer.saved'));
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
      {feedback.message && <p role="status">{feedback.message}</p>}
    </form>
  );
}
