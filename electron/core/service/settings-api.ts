import type { settingsMethods } from '../../../shared/api/methods/settings';
import type { PartialEventSettings } from '../../../shared/domain/settings';
import { publicSettings, readSettings, settingsForRole } from '../settings/queries';
import { validateSettingsChange } from '../settings/validate';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** The event's settings; a change records only the fields that differ. */
export function createSettingsApi(ctx: ServiceContext): TopicImpl<keyof typeof settingsMethods> {
  const { db, record } = ctx;
  return {
    getEvent: (_input, caller) => settingsForRole(readSettings(db), caller?.role),

    updateEvent: (fields: PartialEventSettings) => {
      const current = readSettings(db);
      validateSettingsChange(fields);
      const changed = Object.fromEntries(
        Object.entries(fields).filter(
          ([name, value]) => value !== undefined && JSON.stringify(current[name as keyof typeof current]) !== JSON.stringify(value),
        ),
      );
      if (Object.keys(changed).length > 0) record([{ type: 'settings.upsert', attendeeId: null, data: { fields: changed } }]);
      return publicSettings(readSettings(db));
    },
  };
}
