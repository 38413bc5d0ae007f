import './dashboard.css';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../../../../shared/text/count';
import { useLiveQuery } from '../../../hooks/useLiveQuery';
import { ArrivalsChart, CategoryBars } from './charts';
import { labelsFor } from './labels';
import { MixMatrixTable } from './MixMatrixTable';
import { PartnerReportPanel } from './PartnerReportPanel';

/**
 * The organizer's live picture of the room. It re-reads on every `changed` push, so check-ins at
 * this station and those arriving by sync show up without a reload.
 */
export function DashboardPanel() {
  const { t, i18n } = useTranslation();
  const { data: dashboard } = useLiveQuery((api) => api.getDashboard());
  const { data: settings } = useLiveQuery((api) => api.getEvent());
  if (!dashboard) return null;
  const labels = labelsFor(settings, i18n.language, t('dashboard.notGiven'));
  const size = { height: 220, fontSize: 14 };
  const industries = dashboard.mix.industries.map((id, i) => ({ ...labels.industry(id), count: dashboard.mix.industryTotals[i] ?? 0 }));

  return (
    <section className="panel dashboard" aria-labelledby="dashboard-title">
      <div className="panel-heading">
        <h2 id="dashboard-title">{t('dashboard.title')}</h2>
        <a className="button-link" href="#/room" target="_blank" rel="noopener">
          {t('dashboard.openRoomView')}
        </a>
      </div>
      <dl className="tiles">
        <div className="tile main">
          <dt>{t('dashboard.checkedIn')}</dt>
          <dd data-testid="dashboard-checked-in">
            {formatCount(dashboard.checkedIn, i18n.language)}
            <small>{t('dashboard.ofExpected', { expected: dashboard.expected, registered: dashboard.registeredCheckedIn })}</small>
          </dd>
        </div>
        <div className="tile">
          <dt>{t('dashboard.walkIns')}</dt>
          <dd>{formatCount(dashboard.walkIns, i18n.language)}</dd>
        </div>
        <div className="tile">
          <dt>{t('dashboard.noShows')}</dt>
          <dd>{formatCount(dashboard.noShows, i18n.language)}</dd>
        </div>
        {dashboard.notExpected > 0 && (
          <div className="tile" data-testid="dashboard-not-expected">
            <dt>{t('dashboard.notExpected')}</dt>
            <dd>{formatCount(dashboard.notExpected, i18n.language)}</dd>
          </div>
        )}
        <div className={`tile${dashboard.conflicts > 0 ? ' warn' : ''}`}>
          <dt>{t('dashboard.conflicts')}</dt>
          <dd>{formatCount(dashboard.conflicts, i18n.language)}</dd>
        </div>
      </dl>
      {dashboard.lists.length > 0 && (
        <>
          <h3>{t('lists.dashboardTitle')}</h3>
          <dl className="tiles" data-testid="dashboard-lists">
            {dashboard.lists.map(({ list, checkedIn, expected }) => (
              <div className="tile" key={list.id}>
                <dt>{i18n.language === 'ja' ? list.ja : list.en}</dt>
                <dd>{t('lists.dashboardRow', { checkedIn, expected })}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      <div className="dashboard-grid">
        <div>
          <h3>{t('dashboard.arrivalsTitle')}</h3>
          {dashboard.arrivals.length === 0 ? (
            <p className="muted">{t('dashboard.arrivalsEmpty')}</p>
          ) : (
            <ArrivalsChart arrivals={dashboard.arrivals} language={i18n.language} size={size} label={t('dashboard.arrivalsTitle')} />
          )}
        </div>
        <div>
          <h3>{t('dashboard.industryTitle')}</h3>
          <CategoryBars items={industries} size={size} label={t('dashboard.industryTitle')} />
        </div>
      </div>
      <h3>{t('dashboard.matrixTitle')}</h3>
      <MixMatrixTable mix={dashboard.mix} industry={labels.industry} goal={labels.goal} />
      <h3>{t('dashboard.stationsTitle')}</h3>
      <table className="stations">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.station')}</th>
            <th scope="col">{t('dashboard.count')}</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.stations.map((s) => (
            <tr key={s.station}>
              <td>{s.station}</td>
              <td>{s.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PartnerReportPanel />
    </section>
  );
}
