import type { Session } from 'electron';
import { isPermissionAllowed } from './security/permissions';
import type { WindowRoles } from './window-roles';

/**
 * Permissions for the app's one session: everything refused except the camera for a window that
 * scans (security/permissions.ts), no USB/HID/serial devices, no downloads into a kiosk or room
 * window (the organizer saves exports, which is a download).
 */
export function applySessionPolicy(session: Session, roles: WindowRoles): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(isPermissionAllowed(roles.roleOf(contents.id), { permission, origin: details.requestingUrl, mediaTypes }));
  });
  session.setPermissionCheckHandler((contents, permission, origin) =>
    isPermissionAllowed(roles.roleOf(contents?.id), { permission, origin }),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event, _item, contents) => {
    if (roles.roleOf(contents.id) !== 'organizer') event.preventDefault();
  });
}
