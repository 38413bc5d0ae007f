/**
 * Who is calling. Every contract method lists the roles that may call it; the service refuses
 * any other caller with a `forbidden` error.
 * - organizer: everything (the station's own machine, or a device paired with the organizer PIN)
 * - desk: staff at the door (search, check in/undo, walk-in, edit, reprint, status)
 * - kiosk: an attendee alone at a tablet (one person at a time, never a list)
 * - room: the venue screen (counts and mix, no personal data)
 */
export const ROLES = ['organizer', 'desk', 'kiosk', 'room'] as const;
export type Role = (typeof ROLES)[number];

/** The caller of one request: its role, and the device (session or window) it comes from. */
export interface Caller {
  role: Role;
  /** Stable id of the calling device (a paired browser's session, an Electron window, the CLI). */
  station: string;
}
