import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newPairingCode, normalizePairingCode } from '../../electron/core/access/pairing-code';
import { allowedHostnames, isAllowedHost } from '../../electron/station/http/host-check';
import { areaForRole, navigationFor } from '../../renderer/src/areas';
import { ROLES } from '../../shared/api/roles';

describe('Host allow-list', () => {
  const allowed = allowedHostnames({ boundAddress: '192.168.1.20', allowHosts: ['reception.local'] });

  it('answers the station by its loopback names, bound address and extra names, with any port', () => {
    for (const host of ['127.0.0.1:4780', 'localhost:4780', '[::1]:4780', '192.168.1.20:4780', '192.168.1.20', 'Reception.Local:80', 'localhost.:4780']) {
      expect(isAllowedHost(host, allowed), host).toBe(true);
    }
  });

  it('refuses every other name, as a rebinding page would send', () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 2, maxLength: 4 }), fc.integer({ min: 1, max: 65535 }), (labels, port) => {
        const name = labels.join('.');
        fc.pre(!allowed.has(name) && !/^127\./.test(name) && name !== 'localhost');
        return !isAllowedHost(`${name}:${port}`, allowed);
      }),
    );
    for (const host of [undefined, '', 'evil.example', '192.168.1.21:4780', 'localhost.evil.example', 'a b']) expect(isAllowedHost(host, allowed), String(host)).toBe(false);
  });
});

describe('pairing codes', () => {
  it('read the same however they are typed', () => {
    const code = newPairingCode();
    expect(code).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(normalizePairingCode(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(normalizePairingCode(code));
  });
});

describe('screens by role', () => {
  it('gives a kiosk and a room screen no navigation and only their own area', () => {
    expect(navigationFor('kiosk')).toEqual([]);
    expect(navigationFor('room')).toEqual([]);
    for (const asked of ['staff', 'organizer', 'room', 'kiosk'] as const) expect(areaForRole('kiosk', asked)).toBe('kiosk');
    expect(areaForRole('desk', 'organizer')).toBe('staff');
    expect(navigationFor('organizer')).toEqual(['staff', 'kiosk', 'organizer']);
    for (const role of ROLES) expect(areaForRole(role, 'organizer') === 'organizer').toBe(role === 'organizer');
  });
});
