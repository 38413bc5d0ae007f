import type { deviceMethods, WhoAmI } from '../../../shared/api/methods/devices';
import { PAIR_PAGE_PATH } from '../../../shared/api/http-routes';
import type { Caller } from '../../../shared/api/roles';
import { MusubiError } from '../../../shared/errors';
import { sessionPortOf, type SessionPort } from '../access/device-caller';
import type { StationAccess } from '../access/station-access';
import type { TopicImpl } from './types';

const KIOSK_SUFFIX = ' (kiosk mode)';
const DEFAULT_LABELS = { desk: 'Desk', kiosk: 'Kiosk', room: 'Room screen' } as const;

function portOf(caller: Caller | undefined): SessionPort {
  const port = sessionPortOf(caller);
  if (!port) throw new MusubiError('conflict', 'Kiosk mode is set per browser session on the station; this window has none.');
  return port;
}

/**
 * Devices and sessions (shared/api/methods/devices.ts). Session changes go through the caller's
 * session port, so the browser's cookie and the stored session always change together.
 */
export function createDevicesApi(access: StationAccess): TopicImpl<keyof typeof deviceMethods> {
  const { sessions, pins } = access;

  const whoAmI = (caller: Caller | undefined): WhoAmI => ({
    role: caller?.role ?? 'organizer',
    kioskLocked: (sessionPortOf(caller)?.current?.kioskReturn ?? null) !== null,
    staffPinSet: pins.isSet('staff'),
  });

  return {
    whoAmI: (_input, caller?: Caller) => whoAmI(caller),

    createDevicePairing: (input) => {
      const label = input.label || DEFAULT_LABELS[input.role];
      const { code, expiresAt } = sessions.createPairing(input.role, label);
      const fragment = `#code=${encodeURIComponent(code)}`;
      const pairUrls = access.stationUrls.map((base) => new URL(PAIR_PAGE_PATH, base).href + fragment);
      return { code, role: input.role, label, expiresAt, pairUrls };
    },

    listDeviceSessions: (_input, caller?: Caller) => sessions.list(sessionPortOf(caller)?.current?.id ?? null),

    revokeDeviceSession: (input, caller?: Caller) => {
      if (!sessions.revoke(input.id)) throw new MusubiError('not-found', 'No such device session (already revoked?).', 'id');
      return sessions.list(sessionPortOf(caller)?.current?.id ?? null);
    },

    setStaffPin: async (input, caller?: Caller) => {
      await pins.set('staff', input.pin);
      return whoAmI(caller);
    },

    enterKioskMode: async (input, caller?: Caller) => {
      const port = portOf(caller);
      if (!pins.isSet('staff')) {
        if (!input?.staffPin) throw new MusubiError('invalid-input', 'Choose a staff PIN first: only it turns this screen back.', 'staffPin');
        await pins.set('staff', input.staffPin);
      }
      const before = port.current;
      const issued = sessions.issue('kiosk', `${before?.label ?? 'This station'}${KIOSK_SUFFIX}`, before ? before.role : 'loopback');
      // The session it replaces must not come back by a kept cookie: the PIN gives a fresh one.
      if (before) sessions.revoke(before.id);
      port.hold(issued.token);
      return { role: 'kiosk', kioskLocked: true, staffPinSet: true };
    },

    exitKioskMode: async (input, caller?: Caller) => {
      const port = portOf(caller);
      const current = port.current;
      if (!current?.kioskReturn) {
        throw new MusubiError('conflict', 'This tablet was paired as a kiosk; the organizer can pair it again for another role.');
      }
      const check = await pins.check('staff', input.pin, current.id);
      if (!check.ok) {
        const wait = Math.ceil(check.retryAfterMs / 1000);
        throw new MusubiError('invalid-input', wait > 0 ? `Wrong PIN. Try again in ${wait} s.` : 'Wrong PIN.', 'pin');
      }
      sessions.revoke(current.id);
      if (current.kioskReturn === 'loopback') {
        port.drop();
        return { role: 'organizer', kioskLocked: false, staffPinSet: true };
      }
      const issued = sessions.issue(current.kioskReturn, current.label.replace(KIOSK_SUFFIX, ''));
      port.hold(issued.token);
      return { role: current.kioskReturn, kioskLocked: false, staffPinSet: true };
    },
  };
}
