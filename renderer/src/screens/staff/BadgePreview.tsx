import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee } from '../../../../shared/domain/attendee';
import { useApi } from '../../api/context';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { pdfObjectUrl } from '../../pdf-file';

/**
 * The badge exactly as it will print (the same PDF), shown inside the page: the desktop app
 * does not open other windows, and staff keep their place at the desk.
 */
export function BadgePreview({ attendee, onClose }: { attendee: Attendee; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorMessage = useErrorMessage();
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let made: string | undefined;
    let active = true;
    api.badgePreview({ attendeeId: attendee.id }).then(
      (badge) => {
        if (!active) return;
        made = pdfObjectUrl(badge.pdfBase64);
        setUrl(made);
      },
      (failure: unknown) => active && setError(failure ?? new Error('preview failed')),
    );
    return () => {
      active = false;
      if (made) URL.revokeObjectURL(made);
    };
    // A new print (badgePrints) may follow an edit: fetch the badge again.
  }, [api, attendee.id, attendee.badgePrints]);

  return (
    <div className="badge-preview" role="dialog" aria-label={t('badges.previewTitle', { name: attendee.name })}>
      {error !== undefined && <p role="alert">{errorMessage(error)}</p>}
      {url && <iframe src={`${url}#navpanes=0&view=FitH`} title={t('badges.previewTitle', { name: attendee.name })} />}
      <button type="button" className="secondary" onClick={onClose}>
        {t('badges.closePreview')}
      </button>
    </div>
  );
}
