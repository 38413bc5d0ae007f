import { useTranslation } from 'react-i18next';
import type { ImportAnswer } from '../../../../../shared/api/methods/import';
import type { AnswerCatalogue, EventSettings } from '../../../../../shared/domain/settings';

/** Select values that are not category ids. */
const NOT_MAPPED = '__none__';
const ADD_NEW = '__new__';

interface Props {
  answers: ImportAnswer[];
  total: number;
  settings: EventSettings;
  disabled: boolean;
  onChoose: (catalogue: AnswerCatalogue, key: string, categoryId: string) => void;
  onAddCategory: (catalogue: AnswerCatalogue, answer: ImportAnswer) => void;
}

/**
 * The registration form's answers of the industry, goal and looking-for columns, one line per
 * distinct answer with how many people gave it, and the category it goes to (a select). The
 * suggestion or earlier choice is pre-selected and marked; the core decided it.
 */
export function AnswerTable({ answers, total, settings, disabled, onChoose, onAddCategory }: Props) {
  const { t, i18n } = useTranslation();
  if (answers.length === 0) return null;
  const label = (entry: { ja: string; en: string }): string => (i18n.language === 'en' ? entry.en : entry.ja);
  const unmapped = answers.filter((a) => a.how === 'none').length;

  return (
    <section className="import-answers" aria-labelledby="import-answers-title">
      <h3 id="import-answers-title">{t('import.answers.title')}</h3>
      <p className="hint">{unmapped > 0 ? t('import.answers.hintUnmapped', { count: unmapped }) : t('import.answers.hint')}</p>
      {(['industries', 'goals'] as const).map((catalogue) => {
        const rows = answers.filter((a) => a.catalogue === catalogue);
        if (rows.length === 0) return null;
        return (
          <table key={catalogue} className="import-mapping">
            <caption>{t(`import.answers.${catalogue}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.answers.answer')}</th>
                <th scope="col">{t('import.answers.people')}</th>
                <th scope="col">{t('import.answers.category')}</th>
                <th scope="col">{t('import.answers.how')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((answer) => {
                const value = answer.categoryId === null ? NOT_MAPPED : answer.categoryId;
                return (
                  <tr key={answer.key} className={answer.how === 'none' ? 'unmapped' : undefined} data-testid="import-answer">
                    <th scope="row">{answer.value}</th>
                    <td className="count">{t('import.answers.rows', { count: answer.rows })}</td>
                    <td>
                      <select
                        aria-label={t('import.answers.categoryFor', { answer: answer.value })}
                        value={value}
                        disabled={disabled}
                        onChange={(event) => {
                          const next = event.target.value;
                          if (next === ADD_NEW) onAddCategory(catalogue, answer);
                          else if (next !== NOT_MAPPED) onChoose(catalogue, answer.key, next);
                        }}
                      >
                        {value === NOT_MAPPED && <option value={NOT_MAPPED}>{t('import.answers.notMapped')}</option>}
                        {settings[catalogue].map((entry) => (
                          <option key={entry.id} value={entry.id}>
                            {label(entry)}
                          </option>
                        ))}
                        <option value="">{t('import.answers.noCategory')}</option>
                        <option value={ADD_NEW}>{t('import.answers.addNew', { answer: answer.value })}</option>
                      </select>
                    </td>
                    <td className={`how how-${answer.how}`}>{t(`import.answers.source.${answer.how}`)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        );
      })}
      {total > answers.length && <p className="hint">{t('import.answers.more', { count: total - answers.length })}</p>}
    </section>
  );
}
