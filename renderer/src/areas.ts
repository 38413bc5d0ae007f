export const AREAS = ['staff', 'kiosk', 'organizer'] as const;
/** Screens reached by link only, not in the navigation: the room view for a venue screen. */
export const FULL_SCREEN_AREAS = ['room'] as const;
export type Area = (typeof AREAS)[number] | (typeof FULL_SCREEN_AREAS)[number];

/** "#/kiosk" → "kiosk"; anything unknown opens the staff desk, the screen used most. */
export function areaFromHash(hash: string): Area {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return ([...AREAS, ...FULL_SCREEN_AREAS] as readonly string[]).includes(name ?? '') ? (name as Area) : 'staff';
}
