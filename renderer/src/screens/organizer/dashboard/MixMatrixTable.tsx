import { useTranslation } from 'react-i18next';
import type { MixMatrix } from '../../../../../shared/api/methods/dashboard';
import { textColourOn } from '../../../../../shared/domain/colour';
import type { Labelled } from './labels';

/**
 * Industry × goal as a table: rows start with the industry's badge colour, cells are shaded by how
 * many people they hold, so the organizer sees at a glance which combinations are in the room.
 */
export function MixMatrixTable({
  mix,
  industry,
  goal,
}: {
  mix: MixMatrix;
  industry: (id: string) => Labelled;
  goal: (id: string) => Labelled;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...mix.cells.flat());
  // On a tablet held upright the table (a column per goal) can be wider than the screen: it scrolls on its own.
  return (
    <div className="table-scroll">
      <table className="mix-matrix">
        <caption>{t('dashboard.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {mix.goals.map((id) => (
              <th scope="col" key={id || '-'}>
                {goal(id).label}
              </th>
            ))}
            <th scope="col">{t('dashboard.total')}</th>
          </tr>
        </thead>
        <tbody>
          {mix.industries.map((id, r) => {
            const info = industry(id);
            return (
              <tr key={id || '-'}>
                <th scope="row">
                  <span className="swatch" style={{ background: info.color, color: textColourOn(info.color) }} aria-hidden="true" />
                  {info.label}
                </th>
                {mix.goals.map((goalId, c) => {
                  const count = mix.cells[r]?.[c] ?? 0;
                  const strength = count / max;
                  return (
                    <td key={goalId || '-'} style={{ background: count ? `rgba(11, 92, 173, ${0.1 + strength * 0.6})` : undefined, color: strength > 0.6 ? '#fff' : undefined }}>
                      {count || ''}
                    </td>
                  );
                })}
                <td className="total">{mix.industryTotals[r] ?? 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
