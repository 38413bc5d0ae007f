import { describe, expect, it } from 'vitest';
import { isScreenAllowed, startUrlFor } from '../../../electron/main/security/app-origin';
import { devServerUrlFor } from '../../../electron/main/security/dev-server';
import { isTrustedAppUrl, mayNavigate } from '../../../electron/main/security/trusted-url';

describe('which URLs a Musubi window trusts', () => {
  it.each([
    'app://musubi/index.html',
    'app://musubi/index.html#/kiosk',
    'app://musubi/index.html#/organizer',
    'app://musubi/',
    'APP://MUSUBI/index.html#/staff',
    // Dot segments are resolved by the URL parser before the check: this still names index.html.
    'app://musubi/assets/../index.html',
  ])('trusts the app page %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(true);
  });

  it.each([
    'https://evil.example/?next=app://musubi',
    'https://evil.example/#app://musubi/index.html',
    'https://evil.example/app://musubi/index.html',
    'http://musubi/index.html',
    'file:///opt/Musubi/resources/app.asar/dist/renderer/index.html',
    'app://musubi.evil.example/index.html',
    'app://evil.example/index.html',
    'app://musubi@evil.example/index.html',
    'app://evil@musubi/index.html',
    'app://user:pass@musubi/index.html',
    'app://musubi:443/index.html',
    'app://musubi/../../etc/passwd',
    'app://musubi/%2e%2e/%2e%2e/etc/passwd',
    'app://musubi/%2e%2e%2fetc%2fpasswd',
    'app://musubi/..%5c..%5cwindows%5cwin.ini',
    'app://musubi\\..\\index.html',
    'app://musubi/index.html\\..\\secret',
    'app://musubi/index.html%00.png',
    'app://musubi/index.html\0',
    'app://musubi/index.html?x=1',
    'app://musubi/assets/index.js',
    'app://musubi/shell/close-kiosk?token=00',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://musubi/0f0f',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'chrome://settings',
    'not a url',
    '',
    undefined,
  ])('refuses %s', (url) => {
    expect(isTrustedAppUrl(url)).toBe(false);
    if (url) expect(mayNavigate(url)).toBe(false);
  });

  it('trusts the dev server only when one is configured, and only its origin', () => {
    expect(isTrustedAppUrl('http://localhost:5173/#/staff', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedAppUrl('http://localhost:5173.evil.example/', 'http://localhost:5173/')).toBe(false);
    expect(isTrustedAppUrl('http://localhost:5173/')).toBe(false);
  });

  it('opens each role on its own screen of the app page', () => {
    expect(startUrlFor('kiosk')).toBe('app://musubi/index.html#/kiosk');
    expect(startUrlFor('desk')).toBe('app://musubi/index.html#/staff');
    expect(startUrlFor('organizer')).toBe('app://musubi/index.html#/organizer');
    expect(startUrlFor('room')).toBe('app://musubi/index.html#/room');
    for (const role of ['kiosk', 'desk', 'organizer', 'room'] as const) expect(isTrustedAppUrl(startUrlFor(role))).toBe(true);
  });
});

describe('the dev server URL', () => {
  it('is never honoured in a packaged build', () => {
    expect(devServerUrlFor({ VITE_DEV_SERVER_URL: 'http://localhost:5173/' }, true)).toBeUndefined();
  });

  it('is honoured in development, on loopback only', () => {
    expect(devServerUrlFor({ VITE_DEV_SERVER_URL: 'http://localhost:5173/' }, false)).toBe('http://localhost:5173/');
    expect(devServerUrlFor({ VITE_DEV_SERVER_URL: 'http://127.0.0.1:5173' }, false)).toBe('http://127.0.0.1:5173/');
    expect(devServerUrlFor({ VITE_DEV_SERVER_URL: 'https://evil.example/' }, false)).toBeUndefined();
    expect(devServerUrlFor({ VITE_DEV_SERVER_URL: 'file:///tmp/index.html' }, false)).toBeUndefined();
    expect(devServerUrlFor({ VITE_DEV_SERVER_URL: 'nonsense' }, false)).toBeUndefined();
    expect(devServerUrlFor({}, false)).toBeUndefined();
  });
});

describe('which screen a window may show', () => {
  it('keeps a kiosk on the kiosk, a room screen on the room view and the desk on the desk', () => {
    expect(isScreenAllowed('kiosk', 'app://musubi/index.html#/kiosk')).toBe(true);
    for (const hash of ['#/staff', '#/organizer', '#/room', '#/', '', '#/kiosk-evil', '#/organizer?x=#/kiosk']) {
      expect(isScreenAllowed('kiosk', `app://musubi/index.html${hash}`), hash).toBe(false);
    }
    expect(isScreenAllowed('room', 'app://musubi/index.html#/room')).toBe(true);
    expect(isScreenAllowed('room', 'app://musubi/index.html#/staff')).toBe(false);
    expect(isScreenAllowed('desk', 'app://musubi/index.html#/staff')).toBe(true);
    expect(isScreenAllowed('desk', 'app://musubi/index.html#/organizer')).toBe(false);
  });

  it('lets the organizer open every screen', () => {
    for (const hash of ['#/staff', '#/organizer', '#/kiosk', '#/room']) expect(isScreenAllowed('organizer', `app://musubi/index.html${hash}`)).toBe(true);
  });
});
