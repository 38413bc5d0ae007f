import { useTranslation } from 'react-i18next';
import { BADGE_SIZES } from '../../../shared/domain/settings';

/** The `<option>`s of every badge size, named as the organizer reads them; one list for every size picker. */
export function BadgeSizeOptions() {
  const { t } = useTranslation();
  return (
    <>
      {BADGE_SIZES.map((size) => (
        <option key={size} value={size}>
          {t(`badges.sizes.${size}`)}
        </option>
      ))}
    </>
  );
}
