import { AddAttendeeForm } from './AddAttendeeForm';
import { EventForm } from './EventForm';

export function OrganizerHome() {
  return (
    <section className="organizer">
      <EventForm />
      <AddAttendeeForm />
    </section>
  );
}
