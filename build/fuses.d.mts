import type { FuseV1Config } from '@electron/fuses';

export function fuseConfig(platform: string): FuseV1Config;
