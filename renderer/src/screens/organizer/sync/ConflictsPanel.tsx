import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../../api/context';
import { formatTime } from '../../../format';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { useLiveQuery } from '../../../hooks/useLiveQuery';

/**
 * The organizer's conflict list: people checked in at more than one station. The official
 * (earliest) check-in and each other one, which can be undone by itself.
 */
export function ConflictsPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const { data: conflicts } = useLiveQuery((client) => client.listConflicts());
  const [message, setMessage] = useState('');
  const at = (c: { at: string; station: string }) => t('sync.conflicts.at', { time: formatTime(c.at, i18n.language), station: c.station });

  async function undo(attendeeId: string, checkinId: string): Promise<void> {
    try {
      await api.undoCheckIn({ attendeeId, checkinId });
      setMessage(t('sync.conflicts.undone'));
    } catch (error) {
      setMessage(errorMessage(error));
    }
  }

  return (
    <section className="panel sync-panel" aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">{t('sync.conflicts.title')}</h2>
      <p className="muted">{t('sync.conflicts.intro')}</p>
      {conflicts && conflicts.length === 0 && <p>{t('sync.conflicts.none')}</p>}
      {conflicts && conflicts.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sync.conflicts.name')}</th>
              <th scope="col">{t('sync.conflicts.ticket')}</th>
              <th scope="col">{t('sync.conflicts.official')}</th>
              <th scope="col">{t('sync.conflicts.others')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((item) => (
              <tr key={item.attendeeId}>
                <td>{item.name}</td>
                <td className="mono">{item.ticketCode}</td>
                <td>{at(item.official)}</td>
                <td>
                  <ul className="conflict-others">
                    {item.others.map((other) => (
                      <li key={other.checkinId}>
                        {at(other)}{' '}
                        <button
                          type="button"
                          className="link-button"
                          aria-label={t('sync.conflicts.undo', { time: formatTime(other.at, i18n.language), station: other.station })}
                          onClick={() => void undo(item.attendeeId, other.checkinId)}
                        >
                          {t('staff.undo')}
                        </button>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
