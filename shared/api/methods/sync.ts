import { z } from 'zod';
import type { CheckinView } from '../../domain/attendee';
import type { HubStation } from '../../sync/protocol';
import { method, noInput, returns } from '../method';

/** Sync with the hub: status for the staff header, pairing, hub settings, stations seen, conflicts. */
export type SyncErrorReason = 'unauthorized' | 'network' | 'clock-drift' | 'protocol';

export interface SyncStatus {
  paired: boolean;
  hubUrl: string | null;
  /** null until the first attempt since start. */
  online: boolean | null;
  syncing: boolean;
  /** Local entries the hub has not acknowledged yet. */
  waiting: number;
  lastSuccessAt: string | null;
  lastError: { reason: SyncErrorReason; message: string; at: string } | null;
  /** When the next attempt is due while backing off. */
  nextAttemptAt: string | null;
}

export interface PairingCode {
  /** "musubi:pair?hub=…&key=…", shown as text and as a QR code. */
  code: string;
  hubUrl: string;
}

export interface ConflictItem {
  attendeeId: string;
  name: string;
  ticketCode: string;
  official: CheckinView;
  /** Later check-ins of the same person at other stations (or twice at one), kept and flagged. */
  others: CheckinView[];
}

export type { HubStation };

const pairInput = z.union([
  z.object({ code: z.string().trim().min(1).max(2000) }).strict(),
  z.object({ hubUrl: z.string().trim().min(1).max(500), key: z.string().trim().min(1).max(200) }).strict(),
]);

export const syncMethods = {
  getSyncStatus: method(noInput, returns<SyncStatus>(), { roles: ['organizer', 'desk'], changesWith: ['sync'] }),
  /** Pair with a pasted or scanned code, or with a hub URL and key typed in the hub settings. */
  pairStation: method(pairInput, returns<SyncStatus>(), { roles: ['organizer'] }),
  unpairStation: method(noInput, returns<SyncStatus>(), { roles: ['organizer'] }),
  syncNow: method(noInput, returns<SyncStatus>(), { roles: ['organizer'] }),
  getPairingCode: method(noInput, returns<PairingCode | null>(), { roles: ['organizer'] }),
  listHubStations: method(noInput, returns<HubStation[]>(), { roles: ['organizer'] }),
  listConflicts: method(noInput, returns<ConflictItem[]>(), { roles: ['organizer'] }),
};
