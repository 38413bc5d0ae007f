import { migration001 } from './001-event-log';
import { migration002 } from './002-search-index';
import { migration003 } from './003-sync';
import { migration004 } from './004-log-backed-fields';
import { migration005 } from './005-device-sessions';
import { migration006 } from './006-partners';
import { migration007 } from './007-attendee-list';
import { migration008 } from './008-nickname-registration-status';
import { migration009 } from './009-checkin-lists';
import { migration010 } from './010-search-snapshot';
import { migration011 } from './011-import-staging';
import { migration012 } from './012-door-lookups';
import { migration013 } from './013-sync-waiting';
import type { Migration } from './migration';

/** Every migration in order. Add a new numbered file; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
];
