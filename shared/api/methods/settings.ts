import { partialEventSettingsSchema, type EventSettings } from '../../domain/settings';
import { method, noInput, returns } from '../method';

/** The event's settings: its name and date, the industry and goal catalogues, the badge size. */
export const settingsMethods = {
  getEvent: method(noInput, returns<EventSettings>(), { roles: ['organizer', 'desk', 'kiosk', 'room'] }),
  updateEvent: method(partialEventSettingsSchema, returns<EventSettings>(), { roles: ['organizer'] }),
};
