import { AddAttendeeForm } from './AddAttendeeForm';
import { DashboardPanel } from './dashboard/DashboardPanel';
import { DataSafetyPanel } from './export/DataSafetyPanel';
import { ExportPanel } from './export/ExportPanel';
import { BadgePanel } from './badges/BadgePanel';
import { TaxonomyPanel } from './badges/TaxonomyPanel';
import { EventForm } from './EventForm';
import { ImportPanel } from './import/ImportPanel';
import { SyncPanels } from './sync/SyncPanels';

/**
 * The organizer's area: one panel per task. Add a task: a component in its own folder under
 * screens/organizer, one line in PANELS.
 */
const PANELS = [
  DashboardPanel,
  EventForm,
  AddAttendeeForm,
  ImportPanel,
  BadgePanel,
  TaxonomyPanel,
  SyncPanels,
  ExportPanel,
  DataSafetyPanel,
];

export function OrganizerHome() {
  return (
    <section className="organizer">
      {PANELS.map((Panel) => (
        <Panel key={Panel.name} />
      ))}
    </section>
  );
}
