import { useTranslation } from 'react-i18next';
import { REGISTRATION_STATUSES } from '../../../../../shared/domain/attendee';

/** The registration statuses as a select's options, in the reader's language (the list's filter and the editor). */
export function RegistrationStatusOptions(): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      {REGISTRATION_STATUSES.map((value) => (
        <option key={value} value={value}>
          {t(`roster.registrationStatus.${value}`)}
        </option>
      ))}
    </>
  );
}
