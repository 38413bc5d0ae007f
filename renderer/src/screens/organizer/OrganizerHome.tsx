import { AddAttendeeForm } from './AddAttendeeForm';
import { BadgePanel } from './badges/BadgePanel';
import { TaxonomyPanel } from './badges/TaxonomyPanel';
import { EventForm } from './EventForm';

/**
 * The organizer's area: one panel per task. Add a task: a component in its own folder under
 * screens/organizer, one line in PANELS.
 */
const PANELS = [EventForm, AddAttendeeForm, BadgePanel, TaxonomyPanel];

export function OrganizerHome() {
  return (
    <section className="organizer">
      {PANELS.map((Panel) => (
        <Panel key={Panel.name} />
      ))}
    </section>
  );
}
