import type { Caller } from '../../../shared/api/roles';
import type { DeviceSession } from './device-sessions';

/**
 * How a method changes which session the calling browser holds (the station sets or clears its
 * cookie). Only hosts with browser sessions provide one.
 */
export interface SessionPort {
  /** The browser's live session, or null for this machine's organizer on a loopback station. */
  readonly current: DeviceSession | null;
  /** From this response on, the browser holds the session of this token. */
  hold(token: string): void;
  /** The browser drops its session. */
  drop(): void;
}

/** A caller as the station passes it: the role, and the door to the browser's session. */
export interface DeviceCaller extends Caller {
  device?: SessionPort;
}

/** The session port of a caller, when its host has one. */
export function sessionPortOf(caller: Caller | undefined): SessionPort | undefined {
  return (caller as DeviceCaller | undefined)?.device;
}
