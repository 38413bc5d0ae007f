import './dashboard.css';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useLiveQuery } from '../../../hooks/useLiveQuery';
import { useViewportHeight } from '../../../hooks/useViewportHeight';
import { ArrivalsChart, CategoryBars } from './charts';
import { labelsFor } from './labels';
import { PartnerRoomPanel } from './PartnerRoomPanel';
import { roomChartSizes } from './room-sizes';

/**
 * The room view for a venue screen or projector (`#/room`): counts and mix, in type large enough
 * to read across a hall, and introductions among people who agreed to be suggested (their name and
 * industry only). No e-mail, phone or company can reach the screen: no method it calls returns one.
 */
export function RoomView() {
  const { t, i18n } = useTranslation();
  const { data: dashboard } = useLiveQuery((api) => api.getRoomView());
  const { data: settings } = useLiveQuery((api) => api.getEvent());
  const viewportHeight = useViewportHeight();
  if (!dashboard) return null;
  const labels = labelsFor(settings, i18n.language, t('dashboard.notGiven'));
  const industries = dashboard.mix.industries
    .map((id, i) => ({ ...labels.industry(id), count: dashboard.mix.industryTotals[i] ?? 0 }))
    .filter((row) => row.count > 0);
  const goals = dashboard.mix.goals
    .map((id, i) => ({ ...labels.goal(id), color: '#56B4E9', count: dashboard.mix.goalTotals[i] ?? 0 }))
    .filter((row) => row.count > 0);
  const sizes = roomChartSizes(viewportHeight, Math.max(industries.length, goals.length));

  return (
    <main className="room-view">
      <header>
        <h1>{settings?.eventName || t('app.name')}</h1>
        <p className="room-count" data-testid="room-count" role="status" aria-live="polite">
          <span className="label">{t('dashboard.roomTitle')}</span>
          <strong>{t('dashboard.roomPeople', { count: dashboard.checkedIn })}</strong>
        </p>
      </header>
      <section className="room-grid">
        <div>
          <h2>{t('dashboard.industryTitle')}</h2>
          <CategoryBars items={industries} size={sizes.bars} label={t('dashboard.industryTitle')} />
        </div>
        <div>
          <h2>{t('dashboard.goalTitle')}</h2>
          <CategoryBars items={goals} size={sizes.bars} label={t('dashboard.goalTitle')} />
        </div>
        <PartnerRoomPanel settings={settings} />
        <div className="wide">
          <h2>{t('dashboard.arrivalsTitle')}</h2>
          {dashboard.arrivals.length > 0 && (
            <ArrivalsChart arrivals={dashboard.arrivals} language={i18n.language} size={sizes.arrivals} label={t('dashboard.arrivalsTitle')} />
          )}
        </div>
      </section>
      <footer>
        <span>{t('dashboard.roomHint')}</span>
        <span className="room-actions">
          {/* The venue screen has no header: its language is chosen here (a paired screen has nowhere else). */}
          <LanguageSwitch />
          <button type="button" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
            {t('dashboard.fullScreen')}
          </button>
          <a href="#/organizer">{t('dashboard.back')}</a>
        </span>
      </footer>
    </main>
  );
}
