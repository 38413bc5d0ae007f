import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportAnswer, ImportPreview, ImportSummary, ImportTarget } from '../../../../../shared/api/methods/import';
import { categoryFromAnswer } from '../../../../../shared/domain/new-category';
import type { AnswerCatalogue, AnswerMap, Goal, Industry } from '../../../../../shared/domain/settings';
import { MusubiError } from '../../../../../shared/errors';
import { useApi } from '../../../api/context';
import { useErrorMessage } from '../../../hooks/useErrorMessage';
import { useLiveQuery } from '../../../hooks/useLiveQuery';
import { AnswerTable } from './AnswerTable';
import { MappingTable } from './MappingTable';
import { MissingPeople } from './MissingPeople';
import { ProblemList } from './ProblemList';
import { fileToBase64 } from './read-file';
import './import.css';

interface Picked {
  fileName: string;
  contentBase64: string;
}

/**
 * The organizer's import: pick a file, see what was detected (encoding, header row, which column
 * is what, problems by row and column, how many people are new or updated), adjust the mapping,
 * then confirm. Only the confirm button writes anything.
 */
/** The core names the limit it stopped at as "the import limit (rows)". */
const IMPORT_LIMIT_IN_MESSAGE = /the import limit \((\w+)\)/;

export function ImportPanel() {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [inputKey, setInputKey] = useState(0);
  const [answerMap, setAnswerMap] = useState<AnswerMap>({ industries: {}, goals: {} });
  const [cancelMissing, setCancelMissing] = useState(false);
  const { data: settings } = useLiveQuery((client) => client.getEvent());

  // The file could not be read as a table at all: say so plainly, with where it broke (a line number).
  // Past an import limit: which limit, and where (file, row, column), in the organizer's language.
  const describe = (error: unknown): string => {
    if (!(error instanceof MusubiError) || error.code !== 'import-failed') return errorMessage(error);
    const limit = IMPORT_LIMIT_IN_MESSAGE.exec(error.message)?.[1];
    if (limit) return t('import.overLimit', { where: error.where ?? '', limit: t(`import.limits.${limit}`) });
    return `${t('import.notATable')}${error.where?.includes(' line ') ? `（${error.where}）` : ''}`;
  };

  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      setMessage(describe(error));
    } finally {
      setBusy(false);
    }
  }

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    if (!file) return;
    setPreview(null);
    setMessage(t('import.reading'));
    void run(async () => {
      const next = { fileName: file.name, contentBase64: await fileToBase64(file) };
      setPicked(next);
      setPreview(await api.previewImport(next));
      setMessage('');
    });
  };

  const remap = (mapping: ImportTarget[]): void => {
    if (!picked) return;
    void run(async () => setPreview(await api.previewImport({ ...picked, mapping, answerMap, cancelMissing })));
  };

  const toggleCancelMissing = (next: boolean): void => {
    if (!picked || !preview) return;
    setCancelMissing(next);
    void run(async () => setPreview(await api.previewImport({ ...picked, mapping: preview.mapping, answerMap, cancelMissing: next })));
  };

  // An answer's category changes what the preview says (warnings, counts): ask the core again.
  const chooseAnswer = (catalogue: AnswerCatalogue, key: string, categoryId: string): void => {
    if (!picked || !preview) return;
    const next = { ...answerMap, [catalogue]: { ...answerMap[catalogue], [key]: categoryId } };
    setAnswerMap(next);
    void run(async () => setPreview(await api.previewImport({ ...picked, mapping: preview.mapping, answerMap: next, cancelMissing })));
  };

  const addCategory = (catalogue: AnswerCatalogue, answer: ImportAnswer): void => {
    if (!picked || !preview || !settings) return;
    const entry = categoryFromAnswer(settings, catalogue, answer.value);
    void run(async () => {
      await (catalogue === 'goals'
        ? api.updateEvent({ goals: [...settings.goals, entry as Goal] })
        : api.updateEvent({ industries: [...settings.industries, entry as Industry] }));
      const next = { ...answerMap, [catalogue]: { ...answerMap[catalogue], [answer.key]: entry.id } };
      setAnswerMap(next);
      setPreview(await api.previewImport({ ...picked, mapping: preview.mapping, answerMap: next, cancelMissing }));
    });
  };

  const reset = (): void => {
    setPicked(null);
    setPreview(null);
    setAnswerMap({ industries: {}, goals: {} });
    setCancelMissing(false);
    setInputKey((k) => k + 1);
  };

  const confirm = (): void => {
    if (!picked || !preview) return;
    void run(async () => {
      const summary: ImportSummary = await api.commitImport({ ...picked, mapping: preview.mapping, answerMap, cancelMissing });
      reset();
      setMessage(t('import.done', { ...summary }));
    });
  };

  const willWrite = preview ? preview.counts.new + preview.counts.updated + preview.counts.cancelled : 0;
  const blocked = preview?.problems.some((p) => p.row === 0 && p.severity === 'error') ?? true;

  return (
    <section className="panel import-panel" aria-labelledby="import-title">
      <h2 id="import-title">{t('import.title')}</h2>
      <p className="hint">{t('import.intro')}</p>
      <label>
        {t('import.chooseFile')}
        <input key={inputKey} type="file" accept=".csv,.tsv,.txt,.xlsx,text/csv" disabled={busy} onChange={choose} />
      </label>
      {preview && (
        <>
          <p data-testid="import-file-info">
            {t('import.fileInfo', {
              file: preview.fileName,
              format: preview.format.toUpperCase(),
              encoding: t(`import.encodings.${preview.encoding}`, { defaultValue: preview.encoding }),
              row: preview.headerRow,
            })}
          </p>
          <p data-testid="import-counts">{t('import.counts', { ...preview.counts })}</p>
          <p className="hint">{t('import.mappingHint')}</p>
          <MappingTable preview={preview} disabled={busy} onChange={remap} />
          {settings && (
            <AnswerTable
              answers={preview.answers}
              total={preview.answerCount}
              settings={settings}
              disabled={busy}
              onChoose={chooseAnswer}
              onAddCategory={addCategory}
            />
          )}
          {preview.counts.missing > 0 && (
            <label className="import-missing">
              <input type="checkbox" checked={cancelMissing} disabled={busy} onChange={(event) => toggleCancelMissing(event.target.checked)} />
              {t('import.cancelMissing', { count: preview.counts.missing })}
            </label>
          )}
          {preview.missingPeople.length > 0 && <MissingPeople people={preview.missingPeople} total={preview.counts.missing} />}
          <ProblemList fileName={preview.fileName} problems={preview.problems} total={preview.problemCount} />
          <div className="actions">
            <button type="button" className="primary" disabled={busy || blocked || willWrite === 0} onClick={confirm}>
              {willWrite > 0 ? t('import.confirm', { count: willWrite }) : t('import.confirmNothing')}
            </button>
            <button type="button" className="secondary" disabled={busy} onClick={reset}>
              {t('import.cancel')}
            </button>
          </div>
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
