import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { AddAttendeeForm } from './AddAttendeeForm';
import { AttendeeListPanel } from './attendees/AttendeeListPanel';
import { BadgeDesignPanel } from './badges/BadgeDesignPanel';
import { BadgePanel } from './badges/BadgePanel';
import { TaxonomyPanel } from './badges/TaxonomyPanel';
import { DashboardPanel } from './dashboard/DashboardPanel';
import { DevicesPanel } from './devices/DevicesPanel';
import { EventForm } from './EventForm';
import { CheckinListsPanel } from './lists/CheckinListsPanel';
import { DataSafetyPanel } from './export/DataSafetyPanel';
import { ExportPanel } from './export/ExportPanel';
import { ImportPanel } from './import/ImportPanel';
import { KioskSettingsPanel } from './kiosk/KioskSettingsPanel';
import { SyncPanels } from './sync/SyncPanels';

type SectionId = 'dashboard' | 'attendees' | 'roster' | 'badges' | 'stations' | 'data';

/**
 * The organizer's area: sections in the order of an event (watch the room, prepare the list,
 * badges, stations, after the event), each a few panels. Every panel stays on the page, so an
 * organizer can scroll through everything; the section links jump. Add a task: a component in its
 * own folder under screens/organizer, one entry in a section below.
 */
const SECTIONS: { id: SectionId; panels: ComponentType[] }[] = [
  { id: 'dashboard', panels: [DashboardPanel] },
  { id: 'attendees', panels: [EventForm, CheckinListsPanel, AddAttendeeForm, ImportPanel] },
  { id: 'roster', panels: [AttendeeListPanel] },
  { id: 'badges', panels: [BadgePanel, BadgeDesignPanel, TaxonomyPanel] },
  { id: 'stations', panels: [DevicesPanel, KioskSettingsPanel, SyncPanels] },
  { id: 'data', panels: [ExportPanel, DataSafetyPanel] },
];

export function OrganizerHome() {
  const { t } = useTranslation();
  // Buttons, not #anchors: the URL hash already names the area (#/organizer).
  const jump = (id: SectionId): void => document.getElementById(`organizer-${id}`)?.scrollIntoView({ behavior: 'smooth' });
  return (
    <div className="organizer-layout">
      <nav className="organizer-sections" aria-label={t('organizer.sectionsLabel')}>
        {SECTIONS.map(({ id }) => (
          <button key={id} type="button" onClick={() => jump(id)}>
            {t(`organizer.sections.${id}`)}
          </button>
        ))}
      </nav>
      <div className="organizer-sections-body">
        {SECTIONS.map(({ id, panels }) => (
          // The panels carry their own headings; the section is named for screen readers only.
          <section key={id} id={`organizer-${id}`} className="organizer-section" aria-label={t(`organizer.sections.${id}`)}>
            <div className="organizer">
              {panels.map((Panel) => (
                <Panel key={Panel.name} />
              ))}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
