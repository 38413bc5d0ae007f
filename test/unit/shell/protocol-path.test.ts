import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAppPath } from '../../../electron/main/security/protocol-path';

const root = path.resolve('/opt/Musubi/resources/app.asar/dist/renderer');

describe('app:// requests resolve to files inside the built renderer only', () => {
  it.each([
    ['app://musubi/index.html', 'index.html'],
    ['app://musubi/', 'index.html'],
    ['app://musubi/assets/index-abc123.js', 'assets/index-abc123.js'],
    ['app://musubi/assets/%E7%B5%90.png', 'assets/結.png'],
    ['app://musubi/index.html#/kiosk', 'index.html'],
    ['app://musubi/index.html?v=2', 'index.html'],
  ])('%s → %s', (url, file) => {
    expect(resolveAppPath(url, root)).toBe(path.join(root, file));
  });

  it.each([
    'app://musubi/../../etc/passwd',
    'app://musubi/%2e%2e/%2e%2e/etc/passwd',
    'app://musubi/%2E%2E/package.json',
    'app://musubi/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    'app://musubi/..%2f..%2fpackage.json',
    'app://musubi/..%5c..%5cpackage.json',
    'app://musubi/assets\\..\\..\\package.json',
    'app://musubi/%5c%5cserver%5cshare',
    'app://musubi/index.html%00.js',
    'app://musubi/%00',
    'app://musubi/%E0%A4%A',
    'app://musubi/%ff',
    'app://musubi/./index.html',
    'app://musubi/%2e/index.html',
    'app://musubi//etc/passwd',
    'app://evil/index.html',
    'app://musubi.evil/index.html',
    'app://x@musubi/index.html',
    'file:///etc/passwd',
    'https://musubi/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    const resolved = resolveAppPath(url, root);
    // '//etc/passwd' may resolve, but then only to a file inside the root.
    if (resolved !== undefined) expect(resolved.startsWith(root + path.sep)).toBe(true);
    else expect(resolved).toBeUndefined();
  });

  it('refuses the traversal spellings outright, and resolves %2e%2e inside the root as the URL parser does', () => {
    expect(resolveAppPath('app://musubi/%2e%2e/%2e%2e/x', root)).toBe(path.join(root, 'x'));
    for (const url of ['app://musubi/..%2fx', 'app://musubi/..%5cx', 'app://musubi/x%00', 'app://musubi/%ff']) {
      expect(resolveAppPath(url, root)).toBeUndefined();
    }
  });

  it('never resolves outside the root, whatever the path', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2e', '..%2f', '%2f', '%5c', '\\', '%00', 'assets', 'index.html', '', '%c0%ae'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const resolved = resolveAppPath(`app://musubi/${segments.join('/')}`, root);
        if (resolved === undefined) return true;
        return resolved.startsWith(root + path.sep);
      }),
      { numRuns: 2000 },
    );
  });

  it('serves scripts and pages with their type and everything else as opaque bytes', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/a.unknown')).toBe('application/octet-stream');
  });
});
