import { useTranslation } from 'react-i18next';
import { useLiveQuery } from '../../../hooks/useLiveQuery';
import { labelsFor } from './labels';

/** After the event: how many were shown someone from another industry, demand vs supply by sector. */
export function PartnerReportPanel() {
  const { t, i18n } = useTranslation();
  const { data: report } = useLiveQuery((api) => api.getPartnerReport());
  const { data: settings } = useLiveQuery((api) => api.getEvent());
  if (!report) return null;
  const labels = labelsFor(settings, i18n.language, t('dashboard.notGiven'));
  const people = (count: number) => t('partners.report.people', { count });
  return (
    <div className="partner-report" data-testid="partner-report">
      <h3>{t('partners.report.title')}</h3>
      <dl className="tiles">
        <div className="tile">
          <dt>{t('partners.report.shownTo')}</dt>
          <dd>{people(report.shownTo)}</dd>
        </div>
        <div className="tile">
          <dt>{t('partners.report.crossIndustry')}</dt>
          <dd>{people(report.crossIndustry)}</dd>
        </div>
        <div className="tile">
          <dt>{t('partners.report.complementary')}</dt>
          <dd>{people(report.complementaryCrossIndustry)}</dd>
        </div>
        <div className="tile">
          <dt>{t('partners.report.consenting')}</dt>
          <dd>{people(report.consenting)}</dd>
        </div>
      </dl>
      <table className="stations">
        <thead>
          <tr>
            <th scope="col">{t('partners.report.sector')}</th>
            <th scope="col">{t('partners.report.seeking')}</th>
            <th scope="col">{t('partners.report.present')}</th>
          </tr>
        </thead>
        <tbody>
          {report.demand.map((row) => (
            <tr key={row.industry}>
              <td>{labels.industry(row.industry).label}</td>
              <td>{row.seeking}</td>
              <td>{row.present}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
