import { AddAttendeeForm } from './AddAttendeeForm';
import { EventForm } from './EventForm';
import { ImportPanel } from './import/ImportPanel';

/**
 * The organizer's area: one panel per task. Add a task: a component in its own folder under
 * screens/organizer, one line in PANELS.
 */
const PANELS = [EventForm, AddAttendeeForm, ImportPanel];

export function OrganizerHome() {
  return (
    <section className="organizer">
      {PANELS.map((Panel) => (
        <Panel key={Panel.name} />
      ))}
    </section>
  );
}
