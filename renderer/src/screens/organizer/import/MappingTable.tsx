import { useTranslation } from 'react-i18next';
import { IMPORT_TARGETS, type ImportPreview, type ImportTarget } from '../../../../../shared/api/methods/import';

interface Props {
  preview: ImportPreview;
  disabled: boolean;
  onChange: (mapping: ImportTarget[]) => void;
}

/** One line per column of the file: its header, where it goes (a select), and example values. */
export function MappingTable({ preview, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const change = (column: number, target: ImportTarget): void =>
    onChange(preview.mapping.map((current, i) => (i === column ? target : current)));

  return (
    <table className="import-mapping import-columns">
      <caption>{t('import.mappingTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.column')}</th>
          <th scope="col">{t('import.field')}</th>
          <th scope="col">{t('import.samples')}</th>
        </tr>
      </thead>
      <tbody>
        {preview.headers.map((header, column) => {
          const label = header || `#${column + 1}`;
          const target = preview.mapping[column] ?? 'ignore';
          return (
            <tr key={column} className={target === 'ignore' ? 'ignored' : undefined}>
              <th scope="row">{label}</th>
              <td>
                <select
                  aria-label={t('import.fieldFor', { column: label })}
                  value={target}
                  disabled={disabled}
                  onChange={(event) => change(column, event.target.value as ImportTarget)}
                >
                  {IMPORT_TARGETS.map((option) => (
                    <option key={option} value={option}>
                      {t(`import.targets.${option}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="samples">
                {preview.sampleRows
                  .slice(0, 3)
                  .map((row) => row[column] ?? '')
                  .filter((value) => value !== '')
                  .join(' / ')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
