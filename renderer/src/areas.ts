import type { Role } from '../../shared/api/roles';

export const AREAS = ['staff', 'kiosk', 'organizer'] as const;
/** Screens reached by link only, not in the navigation: the room view for a venue screen. */
export const FULL_SCREEN_AREAS = ['room'] as const;
export type Area = (typeof AREAS)[number] | (typeof FULL_SCREEN_AREAS)[number];
export type NavArea = (typeof AREAS)[number];

/**
 * The areas each role may open, the first being where it lands. The station refuses every call
 * outside a role's methods anyway; this only keeps screens that would fail out of reach.
 */
const AREAS_OF_ROLE: Record<Role, readonly Area[]> = {
  organizer: ['staff', 'kiosk', 'organizer', 'room'],
  desk: ['staff', 'kiosk'],
  kiosk: ['kiosk'],
  room: ['room'],
};

/** "#/kiosk" → "kiosk"; anything unknown opens the staff desk, the screen used most. */
export function areaFromHash(hash: string): Area {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return ([...AREAS, ...FULL_SCREEN_AREAS] as readonly string[]).includes(name ?? '') ? (name as Area) : 'staff';
}

/** The area a role sees for the one asked for: that one when the role may open it, else its own. */
export function areaForRole(role: Role, asked: Area): Area {
  const allowed = AREAS_OF_ROLE[role];
  return allowed.includes(asked) ? asked : (allowed[0] ?? 'kiosk');
}

/** The navigation a role gets: none for a kiosk or a room screen (one screen, nowhere to go). */
export function navigationFor(role: Role): NavArea[] {
  if (role === 'kiosk' || role === 'room') return [];
  return AREAS.filter((area) => AREAS_OF_ROLE[role].includes(area));
}
