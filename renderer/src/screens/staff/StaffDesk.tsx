import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { CheckInOutcome } from '../../../../shared/api/contract';
import type { Attendee, PartialAttendeeFields } from '../../../../shared/domain/attendee';
import { useApi } from '../../api/context';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useLiveQuery } from '../../hooks/useLiveQuery';
import { useScanCapture } from '../../hooks/useScanCapture';
import { AttendeeCard } from './AttendeeCard';
import { AttendeeForm, EMPTY_FORM } from './AttendeeForm';
import { BadgePreview } from './BadgePreview';
import { CameraScan } from './CameraScan';
import { CheckinBanner, type Banner } from './CheckinBanner';
import { cardToShow, decideEnter, decideRowClick, resultsAreCurrent } from './enter-decision';
import { NotAdmittedBanner } from './NotAdmittedBanner';
import { DEFAULT_LIST_ID, onListView } from '../../../../shared/domain/checkin-lists';
import type { CheckinList } from '../../../../shared/domain/settings';
import { playFeedback } from './feedback';
import { PrintStatus } from './PrintStatus';
import { ResultList } from './ResultList';
import { moveSelection } from './selection';
import { useBadgePrinting } from './useBadgePrinting';
import './desk.css';

type Form = { kind: 'walk-in' } | { kind: 'edit'; attendee: Attendee } | null;

/**
 * The station is asked once typing pauses this long. A scanner's burst is over well within it,
 * so the half-typed code of a scan never becomes a search the station must answer before the scan.
 */
const SEARCH_PAUSE_MS = 80;
const NO_RESULTS = { items: [], total: 0 };

/**
 * The door. A scan (scanner burst or camera) is resolved by its exact code wherever the focus is;
 * typing searches, arrows choose, Enter checks in the highlighted result of the text in the box.
 */
export function StaffDesk() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [busy, setBusy] = useState(false);
  const [banner, setBanner] = useState<Banner | null>(null);
  /**
   * The person a scan (or a walk-in, or an edit) found, as the station answered: shown at once
   * instead of the highlighted result until the next search, and kept fresh by the live read below.
   */
  const [scannedPerson, setScannedPerson] = useState<Attendee | null>(null);
  const scannedId = scannedPerson?.id ?? null;
  /** A person the station's check-in list refused, waiting for staff to decide. */
  const [refused, setRefused] = useState<{ attendee: Attendee; list: CheckinList; source: 'qr' | 'search' } | null>(null);
  const [form, setForm] = useState<Form>(null);
  const [previewing, setPreviewing] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);
  // Scans queue up: a scanner can fire the next code before the last check-in has returned.
  const scanQueue = useRef<Promise<void>>(Promise.resolve());
  const printing = useBadgePrinting();
  const { data: settings } = useLiveQuery((client) => client.getEvent());
  const [searched, setSearched] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearched(query), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [query]);
  // The results carry the query they answer, so Enter can tell a stale list from the current one.
  const { data: answer } = useLiveQuery(
    async (client) => ({ query: searched, result: searched.trim() ? await client.searchAttendees({ query: searched, limit: 50 }) : NO_RESULTS }),
    searched,
  );
  /** An Enter pressed before the results of the text in the box arrived: acted on when they do. */
  const pendingEnter = useRef<string | null>(null);
  // No key: a scan's own answer is the card, so a new scan fetches nothing; the read runs again
  // (for whoever is scanned then) when something changes, such as the check-in's badge printing.
  const { data: scanned } = useLiveQuery((client) => (scannedId ? client.getAttendee({ id: scannedId }) : Promise.resolve(null)));
  // An empty box lists nobody: the desk shows people it was asked for (a search or a scan).
  // People are shown as this station's check-in list sees them (unchanged for a simple event).
  const { data: status } = useLiveQuery((client) => client.getStatus());
  const listId = status?.list?.id ?? DEFAULT_LIST_ID;
  const items = (query.trim() && answer ? answer.result.items : []).map((a) => onListView(a, listId));
  // Until the results for the text now in the box arrive, the rows and the card on screen are an
  // older text's: drawn dimmed, and nothing acts on them (enter-decision.ts).
  const resultsCurrent = resultsAreCurrent(query, answer?.query);
  const card = cardToShow({
    query,
    resultsFor: answer?.query,
    items,
    selected,
    // The live read answers for the person now scanned, or the station's answer stands until it does.
    scanned: scannedPerson ? { item: scanned?.id === scannedPerson.id ? scanned : scannedPerson } : undefined,
  });
  const shown = card.item && onListView(card.item, listId);

  function readyForNext(): void {
    searchBox.current?.focus();
    searchBox.current?.select();
  }

  function show(outcome: CheckInOutcome, source: 'qr' | 'search' = 'search'): void {
    const { attendee } = outcome;
    setRefused(null);
    if (outcome.status === 'not-admitted') {
      playFeedback('not-found');
      setBanner(null);
      setRefused({ attendee, list: outcome.list, source });
      return;
    }
    if (outcome.status === 'already-checked-in') {
      playFeedback('already');
      // When and where they were checked in on this station's list (the first arrival may be another list's).
      setBanner({ kind: 'already', attendee: { ...attendee, checkedIn: outcome.checkin } });
      return;
    }
    if (outcome.status === 'not-registered') {
      playFeedback('already');
      setBanner({ kind: 'not-registered', attendee, registrationStatus: outcome.registrationStatus });
      return;
    }
    playFeedback('checked-in');
    setBanner({ kind: 'checked-in', attendee });
    void printing.follow(attendee, outcome.print);
  }

  async function act(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setBanner({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
      readyForNext();
    }
  }

  /**
   * The check-in's answer is what the person at the desk waits for: drawn at once (a synchronous
   * render), not after the answers and change notices the page has queued behind it.
   */
  const showNow = (outcome: CheckInOutcome, source: 'qr' | 'search', scanned?: Attendee): void =>
    flushSync(() => {
      if (scanned) setScannedPerson(scanned);
      show(outcome, source);
    });

  const checkIn = (attendee: Attendee, source: 'qr' | 'search'): Promise<void> =>
    act(async () => showNow(await api.checkIn({ attendeeId: attendee.id, source }), source));

  const override = (attendee: Attendee, source: 'qr' | 'search'): Promise<void> =>
    act(async () => showNow(await api.checkIn({ attendeeId: attendee.id, source, override: true }), source));

  function onScan(code: string): void {
    setQuery('');
    setSelected(0);
    scanQueue.current = scanQueue.current.then(() =>
      act(async () => {
        // One round trip: the station resolves the exact code and checks that person in.
        const outcome = await api.checkInByCode({ code });
        if (outcome.status === 'not-found') {
          playFeedback('not-found');
          setScannedPerson(null);
          setBanner({ kind: 'not-found', code });
          return;
        }
        showNow(outcome, 'qr', outcome.attendee);
      }),
    );
  }
  useScanCapture(onScan, searchBox, form === null);

  const undo = (attendee: Attendee, checkinId?: string): Promise<void> =>
    act(async () => {
      await api.undoCheckIn({ attendeeId: attendee.id, checkinId });
      setBanner({ kind: 'undone', attendee });
    });

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (['ArrowDown', 'ArrowUp'].includes(event.key)) {
      event.preventDefault();
      setScannedPerson(null);
      setSelected((index) => moveSelection(index, event.key, items.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // An Enter that confirms an IME conversion belongs to the IME, not to the desk.
      if (event.nativeEvent.isComposing || event.keyCode === 229) return;
      const decision = decideEnter({ query, resultsFor: answer?.query, items, selected, busy });
      if (decision.kind === 'check-in') void checkIn(decision.item, 'search');
      if (decision.kind === 'nothing' && decision.why === 'stale') {
        pendingEnter.current = query;
        setSearched(query);
      }
    } else if (event.key === 'Escape') {
      search('');
    }
  }

  // Results for a pending Enter arrived: decide again on them (and only if the box still says the same).
  const enterWhenAnswered = useRef<() => void>(() => undefined);
  useEffect(() => {
    enterWhenAnswered.current = () => {
      const waiting = pendingEnter.current;
      if (waiting === null || answer?.query !== waiting) return;
      pendingEnter.current = null;
      const decision = decideEnter({ query, resultsFor: answer.query, items, selected, busy });
      if (decision.kind === 'check-in') void checkIn(decision.item, 'search');
    };
  });
  useEffect(() => enterWhenAnswered.current(), [answer]);

  function search(text: string): void {
    pendingEnter.current = null;
    setQuery(text);
    setSelected(0);
    setScannedPerson(null);
    // A new search starts a new person: last person's banners go.
    setBanner(null);
    setRefused(null);
    printing.dismiss();
  }

  const saveForm = (fields: PartialAttendeeFields): Promise<void> =>
    act(async () => {
      if (form?.kind === 'walk-in') {
        const outcome = await api.registerWalkIn(fields);
        setScannedPerson(outcome.attendee);
        show(outcome);
      } else if (form?.kind === 'edit' && Object.keys(fields).length > 0) {
        const attendee = await api.updateAttendee({ id: form.attendee.id, fields });
        setBanner(null);
        setScannedPerson(attendee);
      }
      setForm(null);
    });

  return (
    <section className="staff-desk">
      <div className="search-column">
        <div className="search-row">
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
            aria-activedescendant={shown && resultsCurrent && !scannedId ? `search-results-${selected}` : undefined}
            onChange={(event) => search(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <CameraScan onCode={onScan} />
          <button type="button" className="secondary walk-in-button" onClick={() => setForm({ kind: 'walk-in' })}>
            {t('door.walkIn')}
          </button>
        </div>
        <p className="hint">{t('door.hint')}</p>
        {answer && query && (
          <p className="result-count" aria-live="polite">
            {!resultsCurrent
              ? t('door.searching')
              : answer.result.total === 0
              ? t('staff.noResults', { query })
              : answer.result.total > items.length
                ? t('staff.resultCountMore', { shown: items.length, count: answer.result.total })
                : t('staff.resultCount', { count: answer.result.total })}
          </p>
        )}
        <ResultList
          id="search-results"
          items={items}
          selected={scannedId ? -1 : selected}
          stale={!resultsCurrent}
          onSelect={(index, clicked) => {
            const decision = decideRowClick({ query, resultsFor: answer?.query, items, index, clickedId: clicked.id });
            if (decision.kind !== 'select') return;
            setScannedPerson(null);
            setSelected(decision.index);
          }}
        />
      </div>
      <div className="card-column">
        {banner && (
          <CheckinBanner
            banner={banner}
            settings={settings}
            onReprint={(attendee) => void printing.print(attendee)}
            onOverride={(attendee) => void act(async () => show(await api.checkIn({ attendeeId: attendee.id, source: 'search', override: true })))}
          />
        )}
        {refused && (
          <NotAdmittedBanner
            attendee={refused.attendee}
            list={refused.list}
            busy={busy}
            onOverride={() => void override(refused.attendee, refused.source)}
            onDismiss={() => {
              setRefused(null);
              readyForNext();
            }}
          />
        )}
        {printing.state && <PrintStatus state={printing.state} onRetry={() => void printing.print(printing.state!.attendee)} />}
        {form ? (
          <AttendeeForm
            key={form.kind === 'edit' ? form.attendee.id : 'walk-in'}
            mode={form.kind}
            initial={form.kind === 'edit' ? { ...EMPTY_FORM, ...form.attendee } : EMPTY_FORM}
            settings={settings}
            busy={busy}
            onSubmit={(fields) => void saveForm(fields)}
            onCancel={() => {
              setForm(null);
              readyForNext();
            }}
          />
        ) : shown ? (
          <AttendeeCard
            attendee={shown}
            stale={!card.actionable}
            justCheckedIn={banner?.kind === 'checked-in' && banner.attendee.id === shown.id}
            settings={settings}
            busy={busy}
            onCheckIn={() => void checkIn(shown, 'search')}
            onUndo={(checkinId) => void undo(shown, checkinId)}
            onPrint={() => void printing.print(shown)}
            onPreview={() => setPreviewing(true)}
            onEdit={() => setForm({ kind: 'edit', attendee: shown })}
            printing={printing.state?.status === 'printing'}
          />
        ) : (
          <p className="muted">{t('staff.selectHint')}</p>
        )}
        {previewing && shown && <BadgePreview attendee={shown} onClose={() => setPreviewing(false)} />}
      </div>
    </section>
  );
}
