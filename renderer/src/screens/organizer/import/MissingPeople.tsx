import { useTranslation } from 'react-i18next';
import type { MissingPerson } from '../../../../../shared/api/methods/import';

/** Who "mark missing as cancelled" is about: the first of them by name, ticket code and company. */
export function MissingPeople({ people, total }: { people: readonly MissingPerson[]; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="import-missing-people" data-testid="import-missing-people">
      <p>{t('import.missingPeople')}</p>
      <ul>
        {people.map((person, i) => (
          <li key={`${person.ticketCode}-${i}`}>
            <span className="name">{person.name}</span>
            {person.ticketCode && <span className="ticket">{person.ticketCode}</span>}
            {person.company && <span className="company">{person.company}</span>}
          </li>
        ))}
      </ul>
      {total > people.length && <p className="hint">{t('import.missingMore', { count: total - people.length })}</p>}
    </div>
  );
}
