import { v7 as uuidv7 } from 'uuid';

/** Entry and attendee ids are UUIDv7: unique without coordination and roughly time-ordered. */
export function newId(): string {
  return uuidv7();
}
