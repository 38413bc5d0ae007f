import type { syncMethods } from '../../../shared/api/methods/sync';
import { MusubiError } from '../../../shared/errors';
import { checkEventKey, formatPairingCode, normalizeHubUrls, parsePairingCode } from '../../../shared/sync/pairing';
import { readSyncConfig } from '../sync/config';
import { listConflicts } from '../sync/conflicts';
import type { SyncController } from '../sync/controller';
import type { ServiceContext } from './context';
import type { TopicImpl } from './types';

/** Sync status, pairing and hub settings, stations seen by the hub, the conflict list. */
export function createSyncApi(ctx: ServiceContext, sync: SyncController): TopicImpl<keyof typeof syncMethods> {
  const { db } = ctx;
  return {
    getSyncStatus: () => sync.status(),

    pairStation: async (input) => {
      // Typed by hand, the hub address may list several processes of one hub (spaces or commas).
      const info = 'code' in input ? parsePairingCode(input.code) : { ...normalizeHubUrls(input.hubUrl), key: checkEventKey(input.key) };
      await sync.pair(info.hubUrl, info.key, info.fallbackHubUrls);
      return sync.status();
    },

    unpairStation: () => {
      sync.unpair();
      return sync.status();
    },

    syncNow: async () => {
      // The outcome (success or a typed error) is in the status the caller gets back.
      await sync.syncOnce().catch(() => undefined);
      return sync.status();
    },

    getPairingCode: () => {
      const config = readSyncConfig(db);
      return config ? { code: formatPairingCode(config), hubUrl: config.hubUrl } : null;
    },

    listHubStations: async () => {
      const client = sync.client();
      if (!client) throw new MusubiError('conflict', 'This station is not paired with a hub.', 'hub');
      return client.stations();
    },

    listConflicts: () => listConflicts(db),
  };
}
