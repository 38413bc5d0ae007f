import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInOutcome } from '../../../../shared/api/contract';
import type { Attendee } from '../../../../shared/domain/attendee';
import { useApi } from '../../api/context';
import { formatTime } from '../../format';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { AttendeeCard } from './AttendeeCard';
import { BadgePreview } from './BadgePreview';
import { PrintStatus } from './PrintStatus';
import { ResultList } from './ResultList';
import { moveSelection } from './selection';
import { useBadgePrinting } from './useBadgePrinting';

interface Notice {
  kind: 'success' | 'info' | 'error';
  text: string;
}

/** The door: type, arrows, Enter. The search box keeps focus the whole time. */
export function StaffDesk() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const printing = useBadgePrinting();
  const [previewing, setPreviewing] = useState(false);
  const { data: result } = useLiveQuery((client) => client.searchAttendees({ query, limit: 50 }), query);
  const items = result?.items ?? [];
  const current: Attendee | undefined = items[Math.min(selected, items.length - 1)];

  function describeOutcome(outcome: CheckInOutcome): Notice {
    const { attendee } = outcome;
    if (outcome.status === 'already-checked-in' && attendee.checkedIn) {
      return {
        kind: 'info',
        text: t('staff.alreadyCheckedIn', {
          time: formatTime(attendee.checkedIn.at, i18n.language),
          station: attendee.checkedIn.station,
        }),
      };
    }
    return { kind: 'success', text: t('staff.justCheckedIn', { name: attendee.name }) };
  }

  async function act(action: () => Promise<Notice>): Promise<void> {
    setBusy(true);
    try {
      setNotice(await action());
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
      // Ready for the next person: typing replaces the previous query.
      searchBox.current?.select();
    }
  }

  const checkIn = (attendee: Attendee): Promise<void> =>
    act(async () => {
      const outcome = await api.checkIn({ attendeeId: attendee.id, source: 'search' });
      // The check-in is saved; the badge prints separately and cannot undo it.
      if (outcome.status === 'checked-in') void printing.printIfAutomatic(outcome.attendee);
      return describeOutcome(outcome);
    });


  /** Undoes the official check-in, or the one named (a flagged double check-in). */
  const undo = (attendee: Attendee, checkinId?: string): Promise<void> =>
    act(async () => {
      await api.undoCheckIn({ attendeeId: attendee.id, checkinId });
      return { kind: 'info', text: t('staff.undone', { name: attendee.name }) };
    });

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (['ArrowDown', 'ArrowUp'].includes(event.key)) {
      event.preventDefault();
      setSelected((index) => moveSelection(index, event.key, items.length));
    } else if (event.key === 'Enter' && current && !busy) {
      event.preventDefault();
      void checkIn(current);
    } else if (event.key === 'Escape') {
      setQuery('');
      setSelected(0);
    }
  }

  return (
    <section className="staff-desk">
      <div className="search-column">
        <input
          ref={searchBox}
          className="search-box"
          type="search"
          aria-label={t('staff.searchLabel')}
          placeholder={t('staff.searchPlaceholder')}
          value={query}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-expanded={items.length > 0}
          aria-controls="search-results"
          aria-activedescendant={current ? `search-results-${selected}` : undefined}
          onChange={(event) => {
            setQuery(event.target.value);
            setSelected(0);
          }}
          onKeyDown={onKeyDown}
        />
        <p className="hint">{t('staff.hint')}</p>
        {result && (
          <p className="result-count" aria-live="polite">
            {result.total === 0 && query
              ? t('staff.noResults', { query })
              : result.total > items.length
                ? t('staff.resultCountMore', { shown: items.length, count: result.total })
                : t('staff.resultCount', { count: result.total })}
          </p>
        )}
        <ResultList id="search-results" items={items} selected={selected} onSelect={setSelected} />
      </div>
      <div className="card-column">
        {notice && (
          <p className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        )}
        {printing.state && <PrintStatus state={printing.state} onRetry={() => void printing.print(printing.state!.attendee)} />}
        {current ? (
          <AttendeeCard
            attendee={current}
            busy={busy}
            onCheckIn={() => void checkIn(current)}
            onUndo={(checkinId) => void undo(current, checkinId)}
            onPrint={() => void printing.print(current)}
            onPreview={() => setPreviewing(true)}
            printing={printing.state?.status === 'printing'}
          />
        ) : (
          <p className="muted">{t('staff.selectHint')}</p>
        )}
        {previewing && current && <BadgePreview attendee={current} onClose={() => setPreviewing(false)} />}
      </div>
    </section>
  );
}
