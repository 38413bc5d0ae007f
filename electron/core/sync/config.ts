import { MusubiError } from '../../../shared/errors';
import { deleteMeta, readMeta, writeMeta } from '../db/meta';
import type { Db } from '../db/types';

/**
 * The station's sync settings, in `meta` (station-local, never synced): which hub, which key, and
 * how far this station has got with that hub (pull cursor, highest local seq the hub acknowledged).
 * The event id is kept even after unpairing: one database is one event, so it may never join
 * another event's hub and mix two guest lists.
 */
const KEYS = {
  hubUrl: 'sync.hub_url',
  fallbackHubUrls: 'sync.hub_fallback_urls',
  key: 'sync.key',
  eventId: 'sync.event_id',
  cursor: 'sync.cursor',
  pushedSeq: 'sync.pushed_seq',
  hubStore: 'sync.hub_store',
} as const;

export interface SyncConfig {
  hubUrl: string;
  key: string;
  eventId: string;
  /** Other processes of the same hub (one shared store), tried in order when hubUrl fails. */
  fallbackHubUrls?: string[];
}

function readList(db: Db, key: string): string[] {
  try {
    const value: unknown = JSON.parse(readMeta(db, key) ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function readSyncConfig(db: Db): SyncConfig | undefined {
  const hubUrl = readMeta(db, KEYS.hubUrl);
  const key = readMeta(db, KEYS.key);
  const eventId = readMeta(db, KEYS.eventId);
  if (!hubUrl || !key || !eventId) return undefined;
  const fallbackHubUrls = readList(db, KEYS.fallbackHubUrls);
  return fallbackHubUrls.length > 0 ? { hubUrl, key, eventId, fallbackHubUrls } : { hubUrl, key, eventId };
}

/** The event this database belongs to, once it has been paired. */
export function boundEventId(db: Db): string | undefined {
  return readMeta(db, KEYS.eventId);
}

/**
 * Pairs this database with a hub. A new hub URL starts its cursor and acknowledgements from zero
 * (the hub dedupes whatever it already had). Refuses another event's key.
 */
export function writeSyncConfig(db: Db, config: SyncConfig): void {
  db.transaction(() => {
    const bound = readMeta(db, KEYS.eventId);
    if (bound && bound !== config.eventId) {
      throw new MusubiError(
        'conflict',
        'This station database already belongs to another event. Use a new database file for this event.',
        'key',
      );
    }
    if (readMeta(db, KEYS.hubUrl) !== config.hubUrl || readMeta(db, KEYS.key) !== config.key) {
      writeMeta(db, KEYS.cursor, '0');
      writeMeta(db, KEYS.pushedSeq, '0');
      deleteMeta(db, KEYS.hubStore);
    }
    writeMeta(db, KEYS.hubUrl, config.hubUrl);
    writeMeta(db, KEYS.fallbackHubUrls, JSON.stringify(config.fallbackHubUrls ?? []));
    writeMeta(db, KEYS.key, config.key);
    writeMeta(db, KEYS.eventId, config.eventId);
  }).immediate();
}

export function clearSyncConfig(db: Db): void {
  db.transaction(() => {
    deleteMeta(db, KEYS.hubUrl);
    deleteMeta(db, KEYS.fallbackHubUrls);
    deleteMeta(db, KEYS.key);
    deleteMeta(db, KEYS.cursor);
    deleteMeta(db, KEYS.pushedSeq);
    deleteMeta(db, KEYS.hubStore);
  }).immediate();
}

/** The store id of the hub the cursor belongs to. */
export function readHubStore(db: Db): string | undefined {
  return readMeta(db, KEYS.hubStore);
}

export function writeHubStore(db: Db, storeId: string): void {
  writeMeta(db, KEYS.hubStore, storeId);
}

export function readCursor(db: Db): number {
  return Number(readMeta(db, KEYS.cursor) ?? 0);
}

export function writeCursor(db: Db, cursor: number): void {
  writeMeta(db, KEYS.cursor, String(cursor));
}

export function readPushedSeq(db: Db): number {
  return Number(readMeta(db, KEYS.pushedSeq) ?? 0);
}

export function writePushedSeq(db: Db, seq: number): void {
  writeMeta(db, KEYS.pushedSeq, String(seq));
}
