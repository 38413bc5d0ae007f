import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HubStation } from '../../../../../shared/api/methods/sync';
import type { ApiClient } from '../../../api/client';
import { formatTime } from '../../../format';
import { useLiveQuery } from '../../../hooks/useLiveQuery';

/** Stations the hub has heard from, with their last sync (asked from the hub; empty when offline). */
async function readStations(api: ApiClient): Promise<HubStation[] | null> {
  const status = await api.getSyncStatus();
  if (!status.paired) return null;
  return api.listHubStations().catch(() => null);
}

/** Other stations' syncs change nothing here, so the list is asked for again every few seconds. */
const REFRESH_MS = 5000;

export function StationsPanel() {
  const { t, i18n } = useTranslation();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const { data: stations } = useLiveQuery(readStations, String(tick));
  return (
    <section className="panel sync-panel" aria-labelledby="sync-stations-title">
      <h2 id="sync-stations-title">{t('sync.stations.title')}</h2>
      <button type="button" className="secondary" onClick={() => setTick((n) => n + 1)}>
        {t('sync.stations.refresh')}
      </button>
      {!stations ? (
        <p className="muted">{t('sync.stations.unavailable')}</p>
      ) : stations.length === 0 ? (
        <p className="muted">{t('sync.stations.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sync.stations.station')}</th>
              <th scope="col">{t('sync.stations.lastSeen')}</th>
              <th scope="col">{t('sync.stations.pushed')}</th>
            </tr>
          </thead>
          <tbody>
            {stations.map((s) => (
              <tr key={s.station}>
                <td>{s.station}</td>
                <td>{formatTime(s.lastSeenAt, i18n.language)}</td>
                <td>{s.pushed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
