import { useTranslation } from 'react-i18next';
import type { WhoAmI } from '../../shared/api/methods/devices';
import { PAIR_PAGE_PATH } from '../../shared/api/http-routes';
import { SessionProvider, useSession } from './api/session';
import { hasStationSessions } from './api/session-http';
import { areaForRole, navigationFor } from './areas';
import { LanguageSwitch } from './components/LanguageSwitch';
import { StatusBar } from './components/StatusBar';
import { useArea } from './hooks/useArea';
import { useLiveQuery } from './hooks/useLiveQuery';
import { KioskLockBar } from './screens/access/KioskLockBar';
import { KioskUnlock } from './screens/access/KioskUnlock';
import { PairScreen } from './screens/access/PairScreen';
import { KioskHome } from './screens/kiosk/KioskHome';
import { RoomView } from './screens/organizer/dashboard/RoomView';
import { OrganizerHome } from './screens/organizer/OrganizerHome';
import { StaffDesk } from './screens/staff/StaffDesk';

export function App() {
  return (
    <SessionProvider>
      <Screens />
    </SessionProvider>
  );
}

/** The station decides the role (whoAmI); the screens only follow it. */
function Screens() {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status === 'unpaired' || window.location.pathname === PAIR_PAGE_PATH) return <PairScreen />;
  if (state.status === 'loading') return <p className="app-loading">{t('access.loading')}</p>;
  if (state.status === 'failed') return <p role="alert">{t('access.failed')}</p>;
  return <AreaScreens who={state.who} />;
}

function AreaScreens({ who }: { who: WhoAmI }) {
  const { t } = useTranslation();
  const [asked, setArea] = useArea();
  const area = areaForRole(who.role, asked);
  const navigation = navigationFor(who.role);
  const { data: settings } = useLiveQuery((api) => api.getEvent());
  // The venue screen: full screen, no navigation, no status bar, no personal data.
  if (area === 'room') return <RoomView />;
  return (
    <div className={`app area-${area}`}>
      <header className="app-header">
        <div className="brand">
          <span className="logo">{t('app.name')}</span>
          <span className="event-name">{settings?.eventName || t('app.noEventName')}</span>
        </div>
        {area !== 'kiosk' && <StatusBar />}
        {navigation.length > 0 && (
          <nav aria-label={t('app.navLabel')}>
            {navigation.map((name) => (
              <button key={name} type="button" aria-current={area === name ? 'page' : undefined} onClick={() => setArea(name)}>
                {t(`app.nav.${name}`)}
              </button>
            ))}
          </nav>
        )}
        <LanguageSwitch />
      </header>
      <main>
        {area === 'staff' && <StaffDesk />}
        {area === 'kiosk' && who.role !== 'kiosk' && hasStationSessions() && <KioskLockBar />}
        {area === 'kiosk' && <KioskHome />}
        {area === 'organizer' && <OrganizerHome />}
      </main>
      {who.kioskLocked && <KioskUnlock />}
    </div>
  );
}
