import type { CheckinStamp } from './checkin-rules';
import { compareStamp } from './entry';

export interface PresenceMark {
  id: string;
  hlc: string;
  state: 'left' | 'back';
}

/**
 * Whether a person has left the room: the latest, by clock order, of their live (not undone)
 * check-ins and their presence marks decides; a check-in or a "back" mark is an arrival. Taking
 * the maximum of a set keeps this independent of the order entries arrive in, and an undone
 * check-in simply drops out of the set (so a person whose only check-in was undone is not present,
 * whatever marks they have).
 */
export function hasLeft(liveCheckins: readonly CheckinStamp[], marks: readonly PresenceMark[]): boolean {
  let latest: { hlc: string; id: string; left: boolean } | null = null;
  for (const c of liveCheckins) if (!latest || compareStamp(c, latest) > 0) latest = { hlc: c.hlc, id: c.id, left: false };
  for (const m of marks) if (!latest || compareStamp(m, latest) > 0) latest = { hlc: m.hlc, id: m.id, left: m.state === 'left' };
  return latest?.left ?? false;
}
