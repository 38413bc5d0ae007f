import { AddAttendeeForm } from './AddAttendeeForm';
import { EventForm } from './EventForm';
import { SyncPanels } from './sync/SyncPanels';

/**
 * The organizer's area: one panel per task. Add a task: a component in its own folder under
 * screens/organizer, one line in PANELS.
 */
const PANELS = [EventForm, AddAttendeeForm, SyncPanels];

export function OrganizerHome() {
  return (
    <section className="organizer">
      {PANELS.map((Panel) => (
        <Panel key={Panel.name} />
      ))}
    </section>
  );
}
