import { partialEventSettingsSchema, type EventSettings } from '../../domain/settings';
import { method, noInput, returns } from '../method';

/** The event's settings: its name and date, the industry and goal catalogues, the badge size. */
export const settingsMethods = {
  getEvent: method(noInput, returns<EventSettings>(), { roles: ['organizer', 'desk', 'kiosk', 'room'], changesWith: ['settings'] }),
  /** The logo is not set here (`setBadgeLogo` checks the image first), so a whole settings object sent back keeps it. */
  updateEvent: method(partialEventSettingsSchema.omit({ badgeLogo: true }), returns<EventSettings>(), { roles: ['organizer'] }),
};
