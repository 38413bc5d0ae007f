export const AREAS = ['staff', 'kiosk', 'organizer'] as const;
export type Area = (typeof AREAS)[number];

/** "#/kiosk" → "kiosk"; anything unknown opens the staff desk, the screen used most. */
export function areaFromHash(hash: string): Area {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (AREAS as readonly string[]).includes(name ?? '') ? (name as Area) : 'staff';
}
