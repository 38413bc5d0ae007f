import path from 'node:path';
import { flipFuses } from '@electron/fuses';
import { fuseConfig } from './fuses.mjs';

/**
 * electron-builder's afterPack hook (electron-builder.yml): flips the fuses (fuses.mjs) in the
 * packed Electron binary, before electron-builder signs it.
 */
export default async function afterPack(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const name = packager.appInfo.productFilename;
  const binary = {
    darwin: path.join(appOutDir, `${name}.app`),
    mas: path.join(appOutDir, `${name}.app`),
    win32: path.join(appOutDir, `${name}.exe`),
    linux: path.join(appOutDir, packager.executableName),
  }[electronPlatformName];
  if (!binary) throw new Error(`after-pack: no Electron binary for ${electronPlatformName}`);
  await flipFuses(binary, fuseConfig(electronPlatformName));
}
