import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee } from '../../../../shared/domain/attendee';
import type { EventSettings } from '../../../../shared/domain/settings';
import { GoalMarks, IndustryChip, SectorList } from '../../components/Taxonomy';
import { formatTime } from '../../format';
import { PartnerConsentToggle } from '../../components/PartnerConsent';
import { PartnerSuggestions } from '../../components/PartnerSuggestions';
import { VcardOptInToggle } from './VcardOptInToggle';

interface Props {
  attendee: Attendee;
  /** The card belongs to an older search text than the box's: shown dimmed and inert until the new results arrive. */
  stale: boolean;
  /**
   * The card is the confirmation of a check-in this desk has just made: the suggestions of people
   * to look for appear by themselves. On a card opened later (to change consent, to reprint) they
   * appear only when staff ask, as each showing counts (the fairness cap, the organizer's report).
   */
  justCheckedIn: boolean;
  settings: EventSettings | undefined;
  busy: boolean;
  onCheckIn: () => void;
  /** Undo the official check-in, or the one named by id (a flagged double check-in). */
  onUndo: (checkinId?: string) => void;
  /** Prints (or reprints) the badge on this station's printer. */
  onPrint: () => void;
  onPreview: () => void;
  /** Change company, industry, goals and looking-for. */
  onEdit: () => void;
  printing: boolean;
}

/** The selected person: who they are, whether they are in, and the one action that matters now. */
export function AttendeeCard({ attendee, stale, justCheckedIn, settings, busy, onCheckIn, onUndo, onPrint, onPreview, onEdit, printing }: Props) {
  const { t, i18n } = useTranslation();
  const checkedIn = attendee.checkedIn;
  /** The person staff asked to see suggestions for on this card. */
  const [askedFor, setAskedFor] = useState<string | null>(null);
  const suggesting = checkedIn && (justCheckedIn || askedFor === attendee.id);
  return (
    <article
      className={`attendee-card ${checkedIn ? 'is-checked-in' : ''} ${stale ? 'is-stale' : ''}`}
      aria-label={attendee.name}
      aria-busy={stale}
      inert={stale}
    >
      {attendee.nameKana && <p className="furigana">{attendee.nameKana}</p>}
      <h2 className="attendee-name">{attendee.name}</h2>
      <div className="card-badge">
        <IndustryChip settings={settings} industry={attendee.industry} />
        <GoalMarks settings={settings} goals={attendee.goals} />
      </div>
      <dl className="attendee-facts">
        {attendee.company && (
          <>
            <dt>{t('staff.company')}</dt>
            <dd>{attendee.company}</dd>
          </>
        )}
        {attendee.ticketCode && (
          <>
            <dt>{t('staff.ticket')}</dt>
            <dd className="mono">{attendee.ticketCode}</dd>
          </>
        )}
        {attendee.lookingFor.length > 0 && (
          <>
            <dt>{t('door.lookingFor')}</dt>
            <dd>
              <SectorList settings={settings} sectors={attendee.lookingFor} />
            </dd>
          </>
        )}
        {attendee.email && (
          <>
            <dt>{t('staff.email')}</dt>
            <dd>{attendee.email}</dd>
          </>
        )}
      </dl>
      <p className="checkin-state" data-testid="checkin-state">
        {checkedIn
          ? t('staff.checkedInAt', { time: formatTime(checkedIn.at, i18n.language), station: checkedIn.station })
          : t('staff.notCheckedIn')}
        {attendee.walkIn && <span className="tag">{t('staff.walkIn')}</span>}
      </p>
      {attendee.conflicts.length > 0 && (
        <div className="conflicts" role="alert">
          <strong>{t('staff.conflictTitle')}</strong>
          <ul>
            {attendee.conflicts.map((c) => (
              <li key={c.checkinId}>
                {t('staff.conflictLine', { time: formatTime(c.at, i18n.language), station: c.station })}{' '}
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  aria-label={t('sync.conflicts.undo', { time: formatTime(c.at, i18n.language), station: c.station })}
                  onClick={() => onUndo(c.checkinId)}
                >
                  {t('staff.undo')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        {checkedIn ? (
          <button type="button" className="secondary" onClick={() => onUndo()} disabled={busy}>
            {t('staff.undo')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={onCheckIn} disabled={busy}>
            {t('staff.checkIn')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onPrint} disabled={printing}>
          {attendee.badgePrints > 0 ? t('badges.reprint') : t('badges.print')}
        </button>
        <button type="button" className="link" onClick={onPreview}>
          {t('badges.preview')}
        </button>
        <button type="button" className="link" onClick={onEdit}>
          {t('door.edit')}
        </button>
      </div>
      {attendee.badgePrints > 0 && (
        <p className="print-count" data-testid="print-count">
          {t('badges.printedTimes', { count: attendee.badgePrints })}
        </p>
      )}
      <div className="consent-toggles">
        <PartnerConsentToggle key={attendee.id} attendeeId={attendee.id} consent={attendee.partnerConsent} />
        <VcardOptInToggle key={`vcard-${attendee.id}`} attendeeId={attendee.id} optIn={attendee.vcardOptIn} />
      </div>
      {suggesting && <PartnerSuggestions attendeeId={attendee.id} settings={settings} />}
      {checkedIn && !suggesting && (
        <button type="button" className="link" onClick={() => setAskedFor(attendee.id)}>
          {t('partners.showForCard')}
        </button>
      )}
    </article>
  );
}
