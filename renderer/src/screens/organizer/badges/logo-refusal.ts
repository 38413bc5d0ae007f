import { MusubiError } from '../../../../../shared/errors';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Why a logo was refused, in the UI language, from the error's typed reason (core decided it). */
export function logoRefusalText(error: unknown, t: Translate, fallback: (error: unknown) => string): string {
  if (!(error instanceof MusubiError) || !error.reason?.startsWith('logo-')) return fallback(error);
  switch (error.reason) {
    case 'logo-format':
      return error.detail === 'svg' ? t('badgeDesign.refused.svg') : t('badgeDesign.refused.format', { format: (error.detail ?? '').toUpperCase() || '?' });
    case 'logo-too-large':
      return t('badgeDesign.refused.tooLarge', { size: Math.ceil(Number(error.detail ?? 0) / 1024) });
    case 'logo-dimensions':
      return t('badgeDesign.refused.dimensions', { size: error.detail ?? '' });
    case 'logo-cmyk':
      return t('badgeDesign.refused.cmyk');
    default:
      return t('badgeDesign.refused.damaged');
  }
}
