import { useTranslation } from 'react-i18next';
import type { PrintState } from './useBadgePrinting';

interface Props {
  state: PrintState;
  onRetry: () => void;
}

/** How the last print went; a failure says why and offers Retry. */
export function PrintStatus({ state, onRetry }: Props) {
  const { t } = useTranslation();
  const kind = state.status === 'failed' ? 'error' : state.status === 'printed' ? 'success' : 'info';
  return (
    <div className={`notice ${kind} print-status`} role={state.status === 'failed' ? 'alert' : 'status'} data-testid="print-status">
      <span>{state.text}</span>
      {state.warnings.map((warning) => (
        <span key={warning} className="print-warning">
          {warning}
        </span>
      ))}
      {state.status === 'failed' && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('badges.retry')}
        </button>
      )}
    </div>
  );
}
