import { useTranslation } from 'react-i18next';
import { AREAS } from './areas';
import { LanguageSwitch } from './components/LanguageSwitch';
import { StatusBar } from './components/StatusBar';
import { useArea } from './hooks/useArea';
import { useLiveQuery } from './hooks/useLiveQuery';
import { KioskHome } from './screens/kiosk/KioskHome';
import { RoomView } from './screens/organizer/dashboard/RoomView';
import { OrganizerHome } from './screens/organizer/OrganizerHome';
import { StaffDesk } from './screens/staff/StaffDesk';

export function App() {
  const { t } = useTranslation();
  const [area, setArea] = useArea();
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
        <nav aria-label={t('app.navLabel')}>
          {AREAS.map((name) => (
            <button key={name} type="button" aria-current={area === name ? 'page' : undefined} onClick={() => setArea(name)}>
              {t(`app.nav.${name}`)}
            </button>
          ))}
        </nav>
        <LanguageSwitch />
      </header>
      <main>
        {area === 'staff' && <StaffDesk />}
        {area === 'kiosk' && <KioskHome />}
        {area === 'organizer' && <OrganizerHome />}
      </main>
    </div>
  );
}
