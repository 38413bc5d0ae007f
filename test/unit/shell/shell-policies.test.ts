import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../../electron/main/failure-report';
import { parseLaunchOptions } from '../../../electron/main/launch-options';
import { menuTemplateFor } from '../../../electron/main/menu';
import { RendererRecovery } from '../../../electron/main/renderer-recovery';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security/csp';
import { isPermissionAllowed } from '../../../electron/main/security/permissions';

describe('permissions', () => {
  const camera = { permission: 'media', origin: 'app://musubi/index.html#/kiosk', mediaTypes: ['video'] };

  it('gives the camera to the windows that scan, asked by the app page', () => {
    expect(isPermissionAllowed('kiosk', camera)).toBe(true);
    expect(isPermissionAllowed('desk', camera)).toBe(true);
    expect(isPermissionAllowed('kiosk', { permission: 'media', origin: 'app://musubi' })).toBe(true);
  });

  it('refuses everything else', () => {
    expect(isPermissionAllowed('organizer', camera)).toBe(false);
    expect(isPermissionAllowed('room', camera)).toBe(false);
    expect(isPermissionAllowed(undefined, camera)).toBe(false);
    expect(isPermissionAllowed('kiosk', { ...camera, mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(isPermissionAllowed('kiosk', { ...camera, origin: 'https://evil.example/?next=app://musubi' })).toBe(false);
    expect(isPermissionAllowed('kiosk', { ...camera, origin: 'not a url' })).toBe(false);
    for (const permission of ['notifications', 'geolocation', 'clipboard-read', 'display-capture', 'openExternal', 'midi', 'fullscreen']) {
      expect(isPermissionAllowed('kiosk', { permission, origin: camera.origin }), permission).toBe(false);
    }
  });
});

describe('launch options', () => {
  it('opens the organizer window unless told otherwise', () => {
    expect(parseLaunchOptions(['/opt/Musubi/musubi'])).toEqual({ role: 'organizer', station: undefined });
  });

  it('reads the role and the station name from the command line', () => {
    expect(parseLaunchOptions(['musubi', '--role=kiosk', '--station', ' Door B '])).toEqual({ role: 'kiosk', station: 'Door B' });
    expect(parseLaunchOptions(['musubi', '--kiosk'])).toMatchObject({ role: 'kiosk' });
    expect(parseLaunchOptions(['musubi', '--role', 'desk', '--station=受付 1'])).toEqual({ role: 'desk', station: '受付 1' });
    expect(parseLaunchOptions(['musubi', '--allow-file-access-from-files', '.'])).toMatchObject({ role: 'organizer' });
  });

  it('refuses an unknown role or an empty station name rather than guessing', () => {
    expect(() => parseLaunchOptions(['musubi', '--role=admin'])).toThrow(/--role must be one of organizer, desk, kiosk/);
    expect(() => parseLaunchOptions(['musubi', '--role=room'])).toThrow(/--role/);
    expect(() => parseLaunchOptions(['musubi', '--station='])).toThrow(/--station/);
    expect(() => parseLaunchOptions(['musubi', '--station', 'x'.repeat(65)])).toThrow(/--station/);
  });
});

describe('the error policy', () => {
  it('reports kind, code and file, never the message or the folders', () => {
    const error = Object.assign(new Error('河野 太郎 <taro@example.jp> could not be saved'), { code: 'SQLITE_BUSY' });
    error.stack = `Error: 河野 太郎 <taro@example.jp>\n    at save (/home/kouno.taro/Musubi/resources/app.asar/dist-electron/app-1a2b.js:10:5)\n    at next (x.js:1:1)`;
    const report = describeFailure('exception', error);
    for (const text of [report.log, report.detail]) {
      expect(text).not.toMatch(/河野|taro|kouno/);
      expect(text).toContain('Error SQLITE_BUSY');
      expect(text).toContain('app-1a2b.js:10:5');
    }
    expect(report.detail).toMatch(/保存済みの受付データは失われていません/);
  });

  it('does not print a thrown non-error or an odd code', () => {
    const report = describeFailure('rejection', '河野 太郎');
    expect(report.log).toBe('[musubi] unexpected rejection: string');
    const odd = Object.assign(new Error('x'), { code: 'taro@example.jp' });
    odd.stack = '';
    expect(describeFailure('exception', odd).log).toBe('[musubi] unexpected exception: Error');
  });
});

describe('a crashed page', () => {
  it('is loaded again, but not in a loop', () => {
    const recovery = new RendererRecovery(3, 60_000);
    expect(recovery.shouldReload('crashed', 0)).toBe(true);
    expect(recovery.shouldReload('oom', 1_000)).toBe(true);
    expect(recovery.shouldReload('killed', 2_000)).toBe(true);
    expect(recovery.shouldReload('crashed', 3_000)).toBe(false);
    expect(recovery.shouldReload('crashed', 120_000)).toBe(true);
    expect(recovery.shouldReload('clean-exit', 130_000)).toBe(false);
  });
});

describe('menu and content policy', () => {
  it('has no menu (so no reload or developer tools item) on Windows and Linux, only app and Edit on macOS', () => {
    expect(menuTemplateFor('win32')).toBeNull();
    expect(menuTemplateFor('linux')).toBeNull();
    const mac = JSON.stringify(menuTemplateFor('darwin'));
    expect(mac).toContain('editMenu');
    expect(mac).not.toMatch(/reload|toggleDevTools|viewMenu/i);
  });

  it('allows scripts from the app only, no eval, no plugins, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });
});
