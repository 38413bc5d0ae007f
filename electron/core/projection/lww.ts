import { compareStamp } from '../../../shared/domain/entry';

export interface FieldStamp {
  hlc: string;
  entry_id: string;
}

/** True when a write stamped (hlc, id) beats the stored one: last writer wins per field. */
export function winsOver(candidate: { hlc: string; id: string }, stored: FieldStamp | undefined): boolean {
  return stored === undefined || compareStamp(candidate, { hlc: stored.hlc, id: stored.entry_id }) > 0;
}
