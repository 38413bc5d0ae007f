import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { StationListPicker } from './StationListPicker';
import { SyncIndicator } from './SyncIndicator';
import './header.css';

/** Live counts for the header: how many are in, of how many expected, badges waiting to print, sync. */
export function StatusBar() {
  const { t } = useTranslation();
  const { data: status } = useLiveQuery((api) => api.getStatus());
  if (!status) return null;
  return (
    <div className="status-bar" role="status" aria-live="polite">
      {status.list && <StationListPicker list={status.list} />}
      <strong>{t('status.summary', { checkedIn: status.checkedIn, expected: status.expected })}</strong>
      {status.walkIns > 0 && <span>{t('status.walkIns', { count: status.walkIns })}</span>}
      {status.conflicts > 0 && <span className="warning">{t('status.conflicts', { count: status.conflicts })}</span>}
      {status.printQueue > 0 && <span data-testid="print-queue">{t('door.printQueue', { count: status.printQueue })}</span>}
      <span className="muted">{t('status.station', { station: status.station })}</span>
      <SyncIndicator />
    </div>
  );
}
