import { useTranslation } from 'react-i18next';
import type { Attendee } from '../../../../shared/domain/attendee';

interface Props {
  id: string;
  items: Attendee[];
  selected: number;
  /** The rows answer an older text than the box's: shown dimmed, and a click on one chooses nobody. */
  stale: boolean;
  onSelect: (index: number, attendee: Attendee) => void;
}

/** Search results as a listbox: the search box keeps focus and points at the active option. */
export function ResultList({ id, items, selected, stale, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <ul id={id} role="listbox" aria-label={t('staff.results')} className={`result-list ${stale ? 'is-stale' : ''}`} aria-busy={stale}>
      {items.map((attendee, index) => (
        <li
          key={attendee.id}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === selected}
          aria-disabled={stale || undefined}
          className={index === selected ? 'selected' : ''}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onSelect(index, attendee)}
        >
          <span className="result-name">
            {attendee.nameKana && <small className="furigana">{attendee.nameKana}</small>}
            {attendee.name}
          </span>
          <span className="result-company">{attendee.company}</span>
          <span className="result-ticket mono">{attendee.ticketCode}</span>
          <span className={`result-state ${attendee.checkedIn ? 'in' : ''}`}>
            {attendee.checkedIn ? t('staff.checkedIn') : t('staff.notCheckedIn')}
          </span>
        </li>
      ))}
    </ul>
  );
}
