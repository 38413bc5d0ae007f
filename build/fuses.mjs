import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * The Electron fuses the packaged app ships with, flipped in the binary by after-pack.mjs.
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the signed app into a plain Node.
 * - NODE_OPTIONS and --inspect off: nobody injects code or attaches a debugger from outside.
 * - Cookie encryption on: what the session stores is encrypted with the OS keychain.
 * - Asar integrity on and only load the app from asar: a changed or added file in the app is refused.
 * - File protocol extra privileges off: the app loads from app://, file:// needs nothing special.
 */
export function fuseConfig(platform) {
  return {
    version: FuseVersion.V1,
    // Flipping fuses breaks macOS's ad-hoc signature; reset it (a real signature comes after).
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}
