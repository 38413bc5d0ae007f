import './export.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/context';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { useLiveQuery } from '../../../hooks/useLiveQuery';

function localTime(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'short', timeStyle: 'short' });
}

/** "Back up now", and after the event the purge of personal data (needs a current export first). */
export function DataSafetyPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [refresh, setRefresh] = useState(0);
  const { data: safety } = useLiveQuery((client) => client.getDataSafety(), String(refresh));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');

  async function run(action: () => Promise<string>): Promise<void> {
    setBusy(true);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage(errorMessage(error));
    } finally {
      setBusy(false);
      setRefresh((n) => n + 1);
    }
  }

  const backUp = (): Promise<void> => run(async () => t('export.backupDone', { file: (await api.backupNow()).file }));
  const purge = (): void => {
    const copies = safety?.copies.length ?? 0;
    if (!window.confirm(copies > 0 ? t('lists.copiesConfirm', { count: copies }) : t('export.purgeConfirm'))) return;
    void run(async () => {
      // The organizer was shown the backups and agreed: they go with the purge.
      const result = await api.purgePersonalData({ confirm: true, deleteBackups: copies > 0 });
      const purged = t('export.purged', { time: localTime(result.purgedAt, i18n.language) });
      return result.deleted.length > 0 ? `${purged} ${t('lists.copiesDeleted', { count: result.deleted.length })}` : purged;
    });
  };

  if (!safety) return null;
  return (
    <section className="panel data-safety" aria-labelledby="data-safety-title">
      <h2 id="data-safety-title">{t('export.backupTitle')}</h2>
      <p className="muted">
        {safety.lastBackup ? t('export.lastBackup', { time: localTime(safety.lastBackup.at, i18n.language) }) : t('export.noBackup')}
      </p>
      <button type="button" className="secondary" disabled={busy} onClick={() => void backUp()}>
        {busy ? t('export.backingUp') : t('export.backupNow')}
      </button>
      <p className="hint">{t('export.restoreHint')}</p>

      <h3>{t('export.purgeTitle')}</h3>
      <p>{t('export.purgeExplain')}</p>
      {safety.purgedAt ? (
        <p className="muted">{t('export.purged', { time: localTime(safety.purgedAt, i18n.language) })}</p>
      ) : (
        <>
          <p className={safety.exportIsCurrent ? 'muted' : 'warning'}>
            {safety.exportIsCurrent && safety.lastExportAt
              ? t('export.purgeReady', { time: localTime(safety.lastExportAt, i18n.language) })
              : t('export.purgeNeedsExport')}
          </p>
          {safety.copies.length > 0 && (
            <div className="warning" data-testid="purge-copies">
              <p>{t('lists.copiesTitle', { count: safety.copies.length })}</p>
              <ul>
                {safety.copies.map((file) => (
                  <li key={file}>
                    <code>{file}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <button type="button" className="danger" disabled={busy || !safety.exportIsCurrent} onClick={purge}>
            {t('export.purge')}
          </button>
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
