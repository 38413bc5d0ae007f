import './export.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFile } from '../../../../../shared/api/methods/export';
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  EXPORT_FORMATS,
  EXPORT_HEADERS,
  type ExportColumn,
  type ExportFormat,
} from '../../../../../shared/domain/export-columns';
import { useApi } from '../../../api/context';
import { JobProgressBar } from '../../../components/JobProgressBar';
import { useJobProgress } from '../../../hooks/useJobProgress';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { downloadExport } from './download';

/** The organizer picks a format, the columns and whether no-shows are in, and gets a file. */
export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [columns, setColumns] = useState<ExportColumn[]>(DEFAULT_EXPORT_COLUMNS);
  const [includeNoShows, setIncludeNoShows] = useState(true);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportFile | null>(null);
  const [message, setMessage] = useState('');
  const job = useJobProgress();

  function toggle(column: ExportColumn, on: boolean): void {
    // Keep the export's own column order whatever order they are ticked in.
    setColumns((current) => EXPORT_COLUMNS.filter((c) => (c === column ? on : current.includes(c))));
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      // Built in the station's background; the bar follows it by the id this screen makes up.
      const file = await job.follow((progressId) => api.exportAttendance({ format, columns, includeNoShows, language, progressId }));
      downloadExport(file);
      setResult(file);
      setMessage(t('export.done', { file: file.fileName, rows: file.rows }));
    } catch (error) {
      setResult(null);
      setMessage(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel export-panel" onSubmit={(event) => void submit(event)}>
      <h2>{t('export.title')}</h2>
      <label>
        {t('export.format')}
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`export.formats.${f}`)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{t('export.columns')}</legend>
        <div className="column-choices">
          {EXPORT_COLUMNS.map((column) => (
            <label key={column} className="check">
              <input type="checkbox" checked={columns.includes(column)} onChange={(event) => toggle(column, event.target.checked)} />
              {EXPORT_HEADERS[language][column]}
            </label>
          ))}
        </div>
        {columns.includes('email') && <p className="hint">{t('export.emailNote')}</p>}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={includeNoShows} onChange={(event) => setIncludeNoShows(event.target.checked)} />
        {t('export.includeNoShows')}
      </label>
      <button type="submit" className="primary" disabled={busy || columns.length === 0}>
        {busy ? t('export.exporting') : t('export.download')}
      </button>
      <JobProgressBar progress={job.progress} />
      <p className="hint">{t('export.privacy')}</p>
      {message && <p role="status">{message}</p>}
      {result && result.warnings.length > 0 && (
        <div className="export-warnings" role="alert">
          <p>{t('export.warningsTitle', { count: result.warnings.length })}</p>
          <ul>
            {result.warnings.slice(0, 20).map((w, i) => (
              <li key={i}>{t('export.warningLine', { ...w })}</li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
