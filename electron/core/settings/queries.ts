import { DEFAULT_EVENT_ASSETS, DEFAULT_EVENT_SETTINGS } from '../../../shared/domain/defaults';
import type { Role } from '../../../shared/api/roles';
import { badgeDesignSchema } from '../../../shared/domain/badge-design';
import type { EventSettings, StoredEventSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/types';
import { cachedStatement } from '../db/statements';

/**
 * Event settings as the projection holds them, with the assets (the logo's bytes) that only the
 * badge renderer needs; fields never set keep their defaults.
 */
export function readSettings(db: Db): StoredEventSettings {
  const settings: StoredEventSettings = { ...DEFAULT_EVENT_SETTINGS, ...DEFAULT_EVENT_ASSETS };
  const rows = cachedStatement(db, 'SELECT field, value FROM settings_fields').all() as { field: string; value: string }[];
  for (const row of rows) {
    if (Object.hasOwn(settings, row.field)) {
      Object.assign(settings, { [row.field]: JSON.parse(row.value) as unknown });
    }
  }
  // A design saved (or synced from a station) before a choice existed gets that choice's default
  // (the nickname: on, as it printed), instead of a missing field that reads as "off".
  const design = badgeDesignSchema.safeParse(settings.badgeDesign);
  if (design.success) settings.badgeDesign = design.data;
  return settings;
}

/** The settings a screen receives: everything but the logo's bytes (`badgeLogo` describes it). */
export function publicSettings(settings: StoredEventSettings): EventSettings {
  const { badgeLogoImage: _image, ...rest } = settings;
  return rest;
}

/** Roles whose screens work from the settings but have no business with the registration file. */
const ROLES_WITHOUT_IMPORT_DETAILS: readonly Role[] = ['kiosk', 'room'];

/**
 * The settings a caller of this role receives. The answer map holds the registration form's
 * answers as the organizer mapped them (a free-text column's words among them), which staff may
 * see but a kiosk or the venue screen has no use for: they get it empty.
 */
export function settingsForRole(settings: StoredEventSettings, role: Role | undefined): EventSettings {
  const visible = publicSettings(settings);
  return role && ROLES_WITHOUT_IMPORT_DETAILS.includes(role) ? { ...visible, answerMap: { industries: {}, goals: {} } } : visible;
}
