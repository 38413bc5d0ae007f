import './sync.css';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../format';
import { useLiveQuery } from '../hooks/useLiveQuery';

/**
 * Sync state for the staff header: online (last sync time) or offline, how many local records wait
 * for the hub, and in the tooltip/accessible description why the last attempt failed.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { data: status } = useLiveQuery((api) => api.getSyncStatus());
  if (!status) return null;
  if (!status.paired) {
    return (
      <span className="sync-indicator muted" role="status" aria-label={t('sync.header.label')}>
        {t('sync.header.notPaired')}
      </span>
    );
  }
  const offline = status.online === false || status.lastError !== null;
  const state = offline
    ? t('sync.header.offline')
    : status.lastSuccessAt
      ? t('sync.header.online', { time: formatTime(status.lastSuccessAt, i18n.language) })
      : t('sync.header.syncing');
  const reason = status.lastError ? t(`sync.reason.${status.lastError.reason}`) : '';
  return (
    <span
      className={`sync-indicator ${offline ? 'is-offline' : 'is-online'}`}
      role="status"
      aria-label={t('sync.header.label')}
      title={reason || undefined}
      data-testid="sync-indicator"
    >
      <span className="sync-dot" aria-hidden="true" />
      {state}
      {status.waiting > 0 && <span className="sync-waiting">{t('sync.header.waiting', { count: status.waiting })}</span>}
      {reason && <span className="visually-hidden">{reason}</span>}
    </span>
  );
}
