import { useTranslation } from 'react-i18next';
import type { Attendee, RegistrationStatus } from '../../../../shared/domain/attendee';
import type { EventSettings } from '../../../../shared/domain/settings';
import { GoalMarks, IndustryChip } from '../../components/Taxonomy';
import { formatTime } from '../../format';

export type Banner =
  | { kind: 'checked-in'; attendee: Attendee }
  | { kind: 'already'; attendee: Attendee }
  | { kind: 'not-registered'; attendee: Attendee; registrationStatus: Exclude<RegistrationStatus, 'registered'> }
  | { kind: 'not-found'; code: string }
  | { kind: 'undone'; attendee: Attendee }
  | { kind: 'error'; text: string };

interface Props {
  banner: Banner;
  settings: EventSettings | undefined;
  onReprint: (attendee: Attendee) => void;
  /** Check in a cancelled, waitlisted or unpaid registration anyway (staff's decision). */
  onOverride: (attendee: Attendee) => void;
}

/**
 * What just happened at the desk, readable from a step back: green with the badge's colour and
 * goal marks for a check-in, amber with when and where for "already", red for an unknown code.
 */
export function CheckinBanner({ banner, settings, onReprint, onOverride }: Props) {
  const { t, i18n } = useTranslation();
  if (banner.kind === 'error') {
    return (
      <div className="banner is-error" role="alert" data-testid="banner">
        {banner.text}
      </div>
    );
  }
  if (banner.kind === 'not-found') {
    return (
      <div className="banner is-not-found" role="alert" data-testid="banner">
        <strong>{t('door.notFoundTitle')}</strong>
        <span>{t('door.notFound', { code: banner.code.slice(0, 60) })}</span>
      </div>
    );
  }
  const { attendee } = banner;
  if (banner.kind === 'undone') {
    return (
      <div className="banner is-info" role="status" data-testid="banner">
        {t('staff.undone', { name: attendee.name })}
      </div>
    );
  }
  if (banner.kind === 'not-registered') {
    return (
      <div className="banner is-not-found" role="alert" data-testid="banner">
        <strong className="banner-title">{t(`door.notRegistered.${banner.registrationStatus}`)}</strong>
        <span className="banner-name">{attendee.name}</span>
        <span>{t('door.notRegistered.hint')}</span>
        <button type="button" className="secondary" onClick={() => onOverride(attendee)}>
          {t('door.notRegistered.override')}
        </button>
      </div>
    );
  }
  const already = banner.kind === 'already';
  return (
    <div className={`banner ${already ? 'is-already' : 'is-checked-in'}`} role="status" data-testid="banner">
      <strong className="banner-title">
        {already && attendee.checkedIn
          ? t('staff.alreadyCheckedIn', { time: formatTime(attendee.checkedIn.at, i18n.language), station: attendee.checkedIn.station })
          : t('staff.justCheckedIn', { name: attendee.name })}
      </strong>
      <span className="banner-name">{attendee.name}</span>
      <div className="banner-badge">
        <IndustryChip settings={settings} industry={attendee.industry} />
        <GoalMarks settings={settings} goals={attendee.goals} />
      </div>
      {already && (
        <button type="button" className="secondary" onClick={() => onReprint(attendee)}>
          {t('badges.reprint')}
        </button>
      )}
    </div>
  );
}
