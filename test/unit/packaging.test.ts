import fs from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { load } from 'js-yaml';
import { minimatch } from 'minimatch';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fuseConfig } from '../../build/fuses.mjs';

/**
 * electron-builder.yml checked without packaging (which needs Electron's binary from the
 * internet): what is packed, what is unpacked from asar, the targets and the fuses.
 */
const root = path.resolve(import.meta.dirname, '../..');
interface PlatformConfig {
  target: { target: string; arch: string[] }[];
  files?: string[];
}
const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  productName: string;
  npmRebuild: boolean;
  files: string[];
  asarUnpack: string[];
  afterPack: string;
  icon: string;
  win: PlatformConfig;
  mac: PlatformConfig & { extendInfo: Record<string, string> };
  linux: PlatformConfig;
};

type Platform = 'win' | 'mac' | 'linux';

/**
 * Whether electron-builder packs a file: its patterns are applied in order (a later "!" drops a
 * file, a later positive pattern brings one back) over the app's files, with the production
 * node_modules included to begin with; a platform's own `files` come after the common ones.
 */
function isPacked(file: string, platform: Platform): boolean {
  const patterns = [...config.files, ...(config[platform].files ?? [])];
  let packed = file.startsWith('node_modules/');
  for (const pattern of patterns) {
    const negate = pattern.startsWith('!');
    if (packed !== negate) continue;
    packed = minimatch(file, negate ? pattern.slice(1) : pattern, { dot: true }) !== negate;
  }
  return packed;
}

const EVERYWHERE = [
  'package.json',
  'dist/renderer/index.html',
  'dist/renderer/assets/index-abc.js',
  'dist-electron/index.js',
  'dist-electron/app-abc.js',
  'dist-electron/preload.cjs',
  'dist-electron/cli.js',
  'node_modules/qrcode/package.json',
  'node_modules/qrcode/lib/index.js',
  'node_modules/pg/lib/index.js',
  'node_modules/better-sqlite3/package.json',
  'node_modules/better-sqlite3/lib/index.js',
  'node_modules/better-sqlite3/lib/binding.js',
  'node_modules/@expo-google-fonts/noto-sans-jp/package.json',
  'node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  'node_modules/@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  'node_modules/pdfkit/package.json',
  'node_modules/pdfkit/js/pdfkit.js',
  'node_modules/pdfkit/js/data/Helvetica.afm',
  'node_modules/fontkit/package.json',
  'node_modules/linebreak/package.json',
];

const NOWHERE = [
  'dist-electron/app-abc.js.map',
  'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
  'node_modules/better-sqlite3/src/better_sqlite3.cpp',
  'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
  'node_modules/@expo-google-fonts/noto-sans-jp/300Light/NotoSansJP_300Light.ttf',
  'node_modules/@expo-google-fonts/noto-sans-jp/900Black/NotoSansJP_900Black.ttf',
  'node_modules/react/index.js',
  'node_modules/react-dom/client.js',
  'node_modules/zod/index.js',
  'node_modules/exceljs/dist/exceljs.min.js',
  'node_modules/recharts/lib/index.js',
  'node_modules/tsx/dist/cli.mjs',
  'node_modules/hono/dist/index.js',
  'node_modules/pdfkit/js/pdfkit.browser.js',
  'node_modules/pdfkit/README.md',
];

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation (no unknown or misspelt option)", async () => {
    // electron-builder's validator, from the packages it is made of.
    const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder'));
    const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = fromBuilder('builder-util/out/DebugLogger') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...structuredClone(config), npmRebuilt: false }, new DebugLogger(false))).rejects.toThrow();
  });
});

describe('what the installers pack', () => {
  it.each(['win', 'mac', 'linux'] as const)('%s: the app, its runtime files and nothing Vite bundled already', (platform) => {
    for (const file of EVERYWHERE) expect(isPacked(file, platform), file).toBe(true);
    for (const file of NOWHERE) expect(isPacked(file, platform), file).toBe(false);
  });

  it("ships each OS only its own better-sqlite3 binaries, and SumatraPDF only on Windows", () => {
    const prebuild = (name: string): string => `node_modules/better-sqlite3/prebuilds/${name}.node`;
    expect(isPacked(prebuild('win32-x64'), 'win')).toBe(true);
    expect(isPacked(prebuild('darwin-x64'), 'win')).toBe(false);
    expect(isPacked(prebuild('darwin-arm64'), 'mac')).toBe(true);
    expect(isPacked(prebuild('darwin-x64'), 'mac')).toBe(true);
    expect(isPacked(prebuild('linux-x64'), 'mac')).toBe(false);
    expect(isPacked(prebuild('linux-x64'), 'linux')).toBe(true);
    expect(isPacked(prebuild('win32-x64'), 'linux')).toBe(false);
    const sumatra = 'node_modules/pdf-to-printer/dist/SumatraPDF-3.4.6-32.exe';
    expect(isPacked(sumatra, 'win')).toBe(true);
    expect(isPacked('node_modules/pdf-to-printer/dist/bundle.js', 'win')).toBe(true);
    expect(isPacked(sumatra, 'mac')).toBe(false);
    expect(isPacked(sumatra, 'linux')).toBe(false);
  });

  it('unpacks from asar the native module, the Windows printing program and the font, each of which exists', () => {
    const installed = (pattern: string): string[] =>
      fs.globSync(pattern, { cwd: root }).filter((file) => minimatch(file, pattern, { dot: true }));
    for (const pattern of config.asarUnpack) expect(installed(pattern), pattern).not.toEqual([]);
    const unpacked = (file: string): boolean => config.asarUnpack.some((pattern) => minimatch(file, pattern, { dot: true }));
    expect(unpacked('node_modules/better-sqlite3/prebuilds/win32-x64.node')).toBe(true);
    expect(unpacked('node_modules/pdf-to-printer/dist/SumatraPDF-3.4.6-32.exe')).toBe(true);
    expect(unpacked('node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf')).toBe(true);
  });

  it('builds NSIS, dmg for both Mac processors, AppImage and deb, without rebuilding native modules', () => {
    expect(config).toMatchObject({ appId: 'jp.musubi.checkin', productName: 'Musubi', npmRebuild: false, icon: 'build/icon.png' });
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.mac.extendInfo.NSCameraUsageDescription).toMatch(/QR/);
    const icon = fs.readFileSync(path.join(root, config.icon));
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});

describe('Electron fuses', () => {
  it('are flipped by the afterPack hook', async () => {
    expect(config.afterPack).toBe('./build/after-pack.mjs');
    const hook = (await import('../../build/after-pack.mjs')) as { default: unknown };
    expect(typeof hook.default).toBe('function');
  });

  it('turn off RunAsNode, NODE_OPTIONS and --inspect, and turn on cookie encryption, asar integrity and asar-only loading', () => {
    const fuses = fuseConfig('win32') as Record<number, boolean>;
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuseConfig('darwin').resetAdHocDarwinSignature).toBe(true);
  });
});
