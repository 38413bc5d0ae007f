import './roster.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterFilter, RosterRow, RosterStatus } from '../../../../../shared/api/methods/roster';
import type { RegistrationStatus } from '../../../../../shared/domain/attendee';
import { rosterStateOf } from '../../../../../shared/domain/roster-state';
import { useApi } from '../../../api/context';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { useLiveQuery } from '../../../hooks/useLiveQuery';
import { AttendeeEditor } from './AttendeeEditor';
import { RegistrationStatusOptions } from './RegistrationStatusOptions';
import { useRosterPages } from './useRosterPages';
import { VirtualRows } from './VirtualRows';

const ROW_HEIGHT = 44;
const LIST_HEIGHT = 440;
const STATUS_OPTIONS: ['' | RosterStatus, string][] = [
  ['', 'statusAll'],
  ['expected', 'statusExpected'],
  ['checked-in', 'statusCheckedIn'],
  ['removed', 'statusRemoved'],
];

/** Editing nobody, adding someone new, or editing one listed person. */
type Editing = { kind: 'none' } | { kind: 'add' } | { kind: 'edit'; person: RosterRow };

/**
 * The organizer's attendee list: everyone, a screen at a time, filtered by status, industry and
 * goal, searched as at the desk; a row opens the editor, a removed row has "restore".
 */
export function AttendeeListPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const { data: settings } = useLiveQuery((client) => client.getEvent());
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'' | RosterStatus>('');
  const [registration, setRegistration] = useState<'' | RegistrationStatus>('');
  const [industry, setIndustry] = useState('');
  const [goal, setGoal] = useState('');
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [message, setMessage] = useState('');

  const filter: RosterFilter = {
    ...(status ? { status } : {}),
    ...(registration ? { registration } : {}),
    ...(industry ? { industry } : {}),
    ...(goal ? { goal } : {}),
  };
  const { total, rowAt, want } = useRosterPages(query, filter);
  const label = (item: { ja: string; en: string } | undefined, fallback: string) => (item ? (i18n.language === 'en' ? item.en : item.ja) : fallback);
  const industryLabel = (id: string) => (id ? label(settings?.industries.find((x) => x.id === id), id) : '');
  const goalLabels = (ids: string[]) => ids.map((id) => label(settings?.goals.find((x) => x.id === id), id)).join(t('roster.listSeparator'));
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });

  // The words for where a person stands; which state that is, the shared rule decides.
  const stateText = (person: RosterRow): string => {
    const state = rosterStateOf(person);
    if (state === 'removed') return t('roster.removedMark');
    if (state === 'expected') return t('roster.notYet');
    if (state !== 'checked-in') return t(`roster.state.${state}`);
    const at = time(person.checkedIn?.at ?? '');
    return person.registrationStatus === 'registered'
      ? t('roster.checkedInAt', { time: at })
      : t('roster.checkedInDespite', { time: at, status: t(`roster.state.${person.registrationStatus}`) });
  };

  const act = async (work: () => Promise<string>): Promise<void> => {
    try {
      setMessage(await work());
    } catch (error) {
      setMessage(errorMessage(error));
    }
  };

  const restore = (person: RosterRow) =>
    act(async () => {
      await api.restoreAttendee({ id: person.id });
      return t('roster.restored', { name: person.name });
    });

  const row = (index: number) => {
    const person = rowAt(index);
    if (!person) return <div className="roster-cells roster-placeholder">{t('roster.loading')}</div>;
    return (
      <div className={`roster-cells roster-${rosterStateOf(person)}`}>
        <span role="cell" className="roster-name">
          <strong>{person.name}</strong>
          <small>{person.nameKana}</small>
        </span>
        {/* A title shows the whole text where a narrow column cuts it short. */}
        <span role="cell" title={person.company}>
          {person.company}
        </span>
        <span role="cell" title={industryLabel(person.industry)}>
          {industryLabel(person.industry)}
        </span>
        <span role="cell" title={goalLabels(person.goals)}>
          {goalLabels(person.goals)}
        </span>
        <span role="cell" className="roster-state">
          {stateText(person)}
        </span>
        <span role="cell">
          {person.removed ? (
            <button type="button" onClick={() => void restore(person)} aria-label={`${t('roster.restore')}: ${person.name}`}>
              {t('roster.restore')}
            </button>
          ) : (
            <button type="button" onClick={() => setEditing({ kind: 'edit', person })} aria-label={`${t('roster.edit')}: ${person.name}`}>
              {t('roster.edit')}
            </button>
          )}
        </span>
      </div>
    );
  };

  const save = (fields: Parameters<Parameters<typeof AttendeeEditor>[0]['onSave']>[0]) =>
    act(async () => {
      if (editing.kind === 'edit') {
        const saved = await api.updateAttendee({ id: editing.person.id, fields });
        setEditing({ kind: 'none' });
        return t('roster.saved', { name: saved.name });
      }
      const added = await api.addAttendee(fields);
      setEditing({ kind: 'none' });
      return t('roster.added', { name: added.name });
    });

  const remove = () =>
    act(async () => {
      if (editing.kind !== 'edit') return '';
      const removed = await api.removeAttendee({ id: editing.person.id });
      setEditing({ kind: 'none' });
      return t('roster.removed', { name: removed.name });
    });

  return (
    <section className="panel roster-panel" aria-labelledby="roster-title">
      <div className="roster-head">
        <h2 id="roster-title">{t('roster.title')}</h2>
        <span className="roster-count" role="status">
          {total === undefined ? t('roster.loading') : t('roster.count', { n: total })}
        </span>
        <button type="button" className="primary" onClick={() => setEditing({ kind: 'add' })}>
          {t('roster.add')}
        </button>
      </div>
      <div className="roster-filters">
        <label className="roster-search">
          {t('roster.search')}
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
        <label>
          {t('roster.status')}
          <select value={status} onChange={(event) => setStatus(event.target.value as '' | RosterStatus)}>
            {STATUS_OPTIONS.map(([value, key]) => (
              <option key={key} value={value}>
                {t(`roster.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('roster.registration')}
          <select value={registration} onChange={(event) => setRegistration(event.target.value as '' | RegistrationStatus)}>
            <option value="">{t('roster.any')}</option>
            <RegistrationStatusOptions />
          </select>
        </label>
        <label>
          {t('roster.industry')}
          <select value={industry} onChange={(event) => setIndustry(event.target.value)}>
            <option value="">{t('roster.any')}</option>
            {settings?.industries.map((item) => (
              <option key={item.id} value={item.id}>
                {label(item, item.id)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('roster.goal')}
          <select value={goal} onChange={(event) => setGoal(event.target.value)}>
            <option value="">{t('roster.any')}</option>
            {settings?.goals.map((item) => (
              <option key={item.id} value={item.id}>
                {label(item, item.id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {message && <p role="status" className="roster-message">{message}</p>}
      <div role="table" aria-label={t('roster.title')} aria-rowcount={(total ?? 0) + 1} className="roster-table">
        <div role="row" aria-rowindex={1} className="roster-cells roster-header">
          {(['colName', 'colCompany', 'colIndustry', 'colGoals', 'colStatus'] as const).map((key) => (
            <span key={key} role="columnheader">
              {t(`roster.${key}`)}
            </span>
          ))}
          <span role="columnheader" />
        </div>
        {total === 0 ? (
          <p className="roster-empty">{t('roster.empty')}</p>
        ) : (
          <VirtualRows key={JSON.stringify([query.trim(), filter])} count={total ?? 0} rowHeight={ROW_HEIGHT} height={LIST_HEIGHT} label={t('roster.title')} onRange={want} row={row} />
        )}
      </div>
      {editing.kind !== 'none' && (
        <AttendeeEditor
          key={editing.kind === 'edit' ? editing.person.id : 'new'}
          person={editing.kind === 'edit' ? editing.person : null}
          settings={settings}
          onSave={save}
          onRemove={remove}
          onClose={() => setEditing({ kind: 'none' })}
        />
      )}
    </section>
  );
}
