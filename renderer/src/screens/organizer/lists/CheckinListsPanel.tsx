import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newListId, parseTicketTypes } from '../../../../../shared/domain/checkin-lists';
import type { CheckinList } from '../../../../../shared/domain/settings';
import { useApi } from '../../../api/context';
import { SettingsEditor, type SaveFeedback } from '../../../components/SettingsEditor';
import { useLiveQuery } from '../../../hooks/useLiveQuery';

/** The editor of the event's check-in lists, seeded with the saved ones. */
export function CheckinListsPanel() {
  return (
    <SettingsEditor part={(settings) => settings.checkinLists}>
      {(settings, feedback) => <CheckinListsFields initial={settings.checkinLists} feedback={feedback} />}
    </SettingsEditor>
  );
}

/** A list being edited: its ticket types as the organizer types them, parsed on save. */
interface Draft {
  list: CheckinList;
  typesText: string;
}

function draftOf(list: CheckinList, separator: string): Draft {
  return { list, typesText: list.ticketTypes.join(separator) };
}

/**
 * The event's check-in lists (セミナー, 懇親会 …), each with the ticket types it admits, saved as
 * event settings (synced to every station). The ticket types the registrations hold are listed
 * beside, so the organizer can copy them exactly.
 */
function CheckinListsFields({ initial, feedback }: { initial: CheckinList[]; feedback: SaveFeedback }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const separator = i18n.language === 'ja' ? '、' : ', ';
  const [drafts, setDrafts] = useState<Draft[]>(() => initial.map((l) => draftOf(l, separator)));
  const { data: dashboard } = useLiveQuery((client) => client.getDashboard());
  const known = dashboard?.ticketTypes ?? [];

  const edit = (index: number, change: Partial<CheckinList>, typesText?: string): void =>
    setDrafts((list) => list.map((d, i) => (i === index ? { list: { ...d.list, ...change }, typesText: typesText ?? d.typesText } : d)));

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    await feedback.run(
      () => api.updateEvent({ checkinLists: drafts.map((d) => ({ ...d.list, ticketTypes: parseTicketTypes(d.typesText) })) }),
      t('lists.saved'),
    );
  }

  return (
    <form className="panel checkin-lists-panel" onSubmit={(event) => void save(event)}>
      <h2>{t('lists.panelTitle')}</h2>
      <p className="hint">{t('lists.panelHint')}</p>
      <ul className="checkin-lists">
        {drafts.map(({ list, typesText }, index) => {
          const name = i18n.language === 'ja' ? list.ja : list.en;
          return (
          <li key={list.id}>
            <div className="checkin-list-names">
              <input aria-label={t('lists.listJa', { n: index + 1 })} value={list.ja} onChange={(event) => edit(index, { ja: event.target.value })} />
              <input aria-label={t('lists.listEn', { n: index + 1 })} value={list.en} onChange={(event) => edit(index, { en: event.target.value })} />
              <button type="button" className="link" onClick={() => setDrafts((all) => all.filter((_, i) => i !== index))}>
                {t('lists.removeList', { name })}
              </button>
            </div>
            <label>
              {t('lists.ticketTypes')}
              <input
                aria-label={t('lists.ticketTypesOf', { name })}
                value={typesText}
                placeholder={t('lists.everyone')}
                onChange={(event) => edit(index, {}, event.target.value)}
              />
            </label>
          </li>
          );
        })}
      </ul>
      <p className="hint">
        {known.length > 0
          ? `${t('lists.knownTypes')} ${known.map((k) => t('lists.knownType', { type: k.ticketType, count: k.count })).join(separator)}`
          : t('lists.noKnownTypes')}
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          setDrafts((all) => [...all, { list: { id: newListId(all.map((d) => d.list)), ja: t('lists.newList'), en: 'New list', ticketTypes: [] }, typesText: '' }])
        }
      >
        {t('lists.addList')}
      </button>
      <button type="submit" className="primary">
        {t('lists.save')}
      </button>
      {feedback.message && <p role="status">{feedback.message}</p>}
    </form>
  );
}
