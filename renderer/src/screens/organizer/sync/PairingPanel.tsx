import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../../shared/api/methods/sync';
import { useApi } from '../../../api/context';
import { formatCount } from '../../../../../shared/text/count';
import { formatTime } from '../../../format';
import { useActionMessage } from '../../../hooks/useActionMessage';
import { useLiveQuery } from '../../../hooks/useLiveQuery';
import { useQrCode } from '../../../hooks/useQrCode';

function StatusFacts({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  return (
    <dl>
      <dt>{t('sync.pair.thisStation')}</dt>
      <dd className="mono">{status.hubUrl}</dd>
      <dt>{t('sync.pair.lastSuccess')}</dt>
      <dd>{status.lastSuccessAt ? formatTime(status.lastSuccessAt, i18n.language) : t('sync.pair.never')}</dd>
      <dt>{t('sync.pair.waiting')}</dt>
      <dd>{formatCount(status.waiting, i18n.language)}</dd>
      {status.lastError && (
        <>
          <dt>{t('sync.pair.lastError')}</dt>
          <dd className="error-text">{t(`sync.reason.${status.lastError.reason}`)}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * Organizer: which hub this station syncs with, the pairing code (QR and text) for other
 * stations, joining with a pasted code, and the hub settings typed by hand.
 */
export function PairingPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const { data: status } = useLiveQuery((client) => client.getSyncStatus());
  const { data: pairing } = useLiveQuery((client) => client.getPairingCode());
  const qr = useQrCode(pairing?.code);
  const [pasted, setPasted] = useState('');
  const [hubUrl, setHubUrl] = useState('');
  const [key, setKey] = useState('');
  const { message, setMessage, run } = useActionMessage();


  const joinWithCode = (event: FormEvent): void => {
    event.preventDefault();
    void run(() => api.pairStation({ code: pasted }), t('sync.pair.paired')).then(() => setPasted(''));
  };
  const saveSettings = (event: FormEvent): void => {
    event.preventDefault();
    void run(() => api.pairStation({ hubUrl, key }), t('sync.pair.paired'));
  };

  return (
    <section className="panel sync-panel" aria-labelledby="sync-pair-title">
      <h2 id="sync-pair-title">{t('sync.pair.title')}</h2>
      <p className="muted">{t('sync.pair.intro')}</p>
      {status?.paired ? <StatusFacts status={status} /> : <p>{t('sync.pair.notPaired')}</p>}
      {status?.paired && (
        <div className="row">
          <button type="button" className="primary" onClick={() => void run(() => api.syncNow(), '')}>
            {t('sync.pair.syncNow')}
          </button>
          <button type="button" className="secondary" onClick={() => void run(() => api.unpairStation(), t('sync.pair.unpaired'))}>
            {t('sync.pair.unpair')}
          </button>
        </div>
      )}

      {pairing && (
        <>
          <h3>{t('sync.pair.codeTitle')}</h3>
          <p className="muted">{t('sync.pair.codeHelp')}</p>
          <div className="pairing">
            {qr && <img src={qr} alt={t('sync.pair.qrAlt')} />}
            <div className="pairing-text">
              <label htmlFor="sync-pairing-code">{t('sync.pair.codeLabel')}</label>
              <textarea id="sync-pairing-code" readOnly value={pairing.code} onFocus={(event) => event.currentTarget.select()} />
              <button
                type="button"
                className="secondary"
                onClick={() => void navigator.clipboard?.writeText(pairing.code).then(() => setMessage(t('sync.pair.copied')))}
              >
                {t('sync.pair.copy')}
              </button>
            </div>
          </div>
        </>
      )}

      <form onSubmit={joinWithCode}>
        <h3>{t('sync.pair.pasteTitle')}</h3>
        <label>
          {t('sync.pair.pasteLabel')}
          <textarea value={pasted} onChange={(event) => setPasted(event.target.value)} placeholder="musubi:pair?hub=…&key=…" />
        </label>
        <button type="submit" className="secondary" disabled={pasted.trim() === ''}>
          {t('sync.pair.pasteButton')}
        </button>
      </form>

      <form onSubmit={saveSettings}>
        <h3>{t('sync.pair.manualTitle')}</h3>
        <label>
          {t('sync.pair.hubUrl')}
          <input value={hubUrl} onChange={(event) => setHubUrl(event.target.value)} placeholder="http://192.168.1.10:4781" inputMode="url" />
        </label>
        <label>
          {t('sync.pair.key')}
          <input value={key} onChange={(event) => setKey(event.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="secondary" disabled={hubUrl.trim() === '' || key.trim() === ''}>
          {t('sync.pair.save')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
