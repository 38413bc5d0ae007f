import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';
import { useClickedAnswer } from '../../hooks/useClickedAnswer';

interface Props {
  attendeeId: string;
  /** Whether this person's badge carries their contact as a vCard QR (default no). */
  optIn: boolean;
}

/**
 * The desk's toggle beside partner consent: the contact QR on the badge, on or off. Saved at once
 * as a change of the attendee (an `attendee.upsert` through updateAttendee); the badge printed
 * next carries the QR or not.
 */
export function VcardOptInToggle({ attendeeId, optIn }: Props) {
  const { t } = useTranslation();
  const api = useApi();
  // What was clicked shows until the station's answer changes: the box never flicks back in between.
  const { checked, busy, change } = useClickedAnswer(optIn, (next) => api.updateAttendee({ id: attendeeId, fields: { vcardOptIn: next } }));
  return (
    <label className="partner-consent-toggle vcard-toggle">
      <input type="checkbox" checked={checked} disabled={busy} onChange={(event) => change(event.target.checked)} />
      {t('door.vcardOptIn')}
    </label>
  );
}
