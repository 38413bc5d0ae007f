import { useTranslation } from 'react-i18next';
import type { StatusSummary } from '../../../shared/api/methods/checkin';
import { useApi } from '../api/context';
import { useLiveQuery } from '../hooks/useLiveQuery';

/**
 * The check-in list this station checks people in to, and how many are on it, in the header; a
 * choice changes this station only. An event without lists shows nothing here.
 */
export function StationListPicker({ list }: { list: NonNullable<StatusSummary['list']> }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const { data: settings } = useLiveQuery((client) => client.getEvent());
  const label = (l: { ja: string; en: string }): string => (i18n.language === 'ja' ? l.ja : l.en);
  return (
    <span className="station-list-picker">
      <label>
        <span>{t('lists.pickerLabel')}</span>
        <select value={list.id} onChange={(event) => void api.setStationList({ list: event.target.value })}>
          {(settings?.checkinLists ?? [list]).map((l) => (
            <option key={l.id} value={l.id}>
              {label(l)}
            </option>
          ))}
        </select>
      </label>
      <strong data-testid="list-count">{t('lists.listCount', { checkedIn: list.checkedIn, expected: list.expected })}</strong>
    </span>
  );
}
