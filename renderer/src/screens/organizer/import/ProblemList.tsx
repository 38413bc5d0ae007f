import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../../../../../shared/api/methods/import';

/** Every problem with where it is (row, column) and what happens to the row. */
export function ProblemList({ fileName, problems, total }: { fileName: string; problems: ImportProblem[]; total: number }) {
  const { t } = useTranslation();
  if (total === 0) return <p className="import-ok">{t('import.noProblems')}</p>;
  const at = (p: ImportProblem): string =>
    p.row === 0 ? t('import.at.file', { file: fileName }) : p.column ? t('import.at.cell', { row: p.row, column: p.column }) : t('import.at.row', { row: p.row });
  return (
    <section aria-label={t('import.problemsTitle', { count: total })}>
      <h3>{t('import.problemsTitle', { count: total })}</h3>
      <ul className="import-problems">
        {problems.map((p, i) => (
          <li key={i} className={`problem-${p.severity}`}>
            <strong>{at(p)}</strong> {t(`import.problems.${p.code}`, { value: p.value ?? '', rows: p.rows ?? 1 })}
          </li>
        ))}
        {total > problems.length && <li>{t('import.moreProblems', { count: total - problems.length })}</li>}
      </ul>
    </section>
  );
}
