import { DEFAULT_EVENT_SETTINGS } from '../../../shared/domain/defaults';
import type { EventSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/types';

/** Event settings as the projection holds them; fields never set keep their defaults. */
export function readSettings(db: Db): EventSettings {
  const settings: EventSettings = { ...DEFAULT_EVENT_SETTINGS };
  const rows = db.prepare('SELECT field, value FROM settings_fields').all() as { field: string; value: string }[];
  for (const row of rows) {
    if (Object.hasOwn(DEFAULT_EVENT_SETTINGS, row.field)) {
      Object.assign(settings, { [row.field]: JSON.parse(row.value) as unknown });
    }
  }
  return settings;
}
