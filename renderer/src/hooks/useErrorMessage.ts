import { useTranslation } from 'react-i18next';
import { MusubiError } from '../../../shared/errors';

/** Turns whatever a call threw into one sentence in the UI language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    if (error instanceof MusubiError) {
      const key = ['invalid-input', 'not-found', 'conflict', 'network', 'internal'].includes(error.code) ? error.code : 'other';
      return t(`errors.${key}`, { message: error.message });
    }
    return t('errors.internal');
  };
}
