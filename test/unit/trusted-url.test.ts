import { describe, expect, it } from 'vitest';
import { isTrustedAppUrl } from '../../electron/main/trusted-url';

const index = 'file:///opt/Musubi/resources/app/dist/renderer/index.html';

describe('trusted app URLs for the Electron window', () => {
  it.each([
    [index, true],
    [`${index}#/kiosk`, true],
    ['file:///etc/passwd', false],
    ['file://evil.example/opt/Musubi/resources/app/dist/renderer/index.html', false],
    [`https://evil.example/?next=${index}`, false],
    ['javascript:alert(1)', false],
    ['not a url', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isTrustedAppUrl(url, index)).toBe(expected);
  });

  it('allows the dev server origin only when one is configured', () => {
    expect(isTrustedAppUrl('http://localhost:5173/#/staff', index, 'http://localhost:5173/')).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5174/', index, 'http://localhost:5173/')).toBe(false);
    expect(isTrustedAppUrl('http://localhost:5173/', index)).toBe(false);
  });
});
