import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context';

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
  // The answer being saved shows at once; the station's answer takes over when it arrives.
  const [saving, setSaving] = useState<boolean | null>(null);
  return (
    <label className="partner-consent-toggle vcard-toggle">
      <input
        type="checkbox"
        checked={saving ?? optIn}
        disabled={saving !== null}
        onChange={(event) => {
          const next = event.target.checked;
          setSaving(next);
          void api
            .updateAttendee({ id: attendeeId, fields: { vcardOptIn: next } })
            .catch(() => undefined)
            .finally(() => setSaving(null));
        }}
      />
      {t('door.vcardOptIn')}
    </label>
  );
}
