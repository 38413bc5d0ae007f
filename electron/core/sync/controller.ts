import { CHANGE_TOPICS } from '../../../shared/api/change-topics';
import type { SyncErrorReason, SyncStatus } from '../../../shared/api/methods/sync';
import { MusubiError } from '../../../shared/errors';
import { backoffDelay } from '../../../shared/sync/backoff';
import { eventIdForKey } from '../../../shared/sync/event-id';
import { HubClient } from '../../../shared/sync/hub-client';
import { yieldToEventLoop } from '../db/slices';
import type { Db } from '../db/types';
import type { StationIdentity } from '../identity';
import type { LocalRecorder } from '../log/recorder';
import type { ChangeFeed } from '../service/change-feed';
import { clearSyncConfig, readSyncConfig, writeSyncConfig } from './config';
import { syncRound, type SyncRoundResult } from './engine';
import { countWaiting } from './waiting-count';

/**
 * The station's sync loop: a round now and then while the hub answers, again right after every
 * local change, exponential backoff with jitter while it does not. Keeps the status the staff
 * header shows and tells open screens (change feed, reason 'sync') when pulled entries or the
 * status changed.
 */
export interface SyncControllerOptions {
  db: Db;
  identity: StationIdentity;
  recorder: LocalRecorder;
  changes: ChangeFeed;
  /** Pause between rounds while online (the loop also runs after each local change). */
  pollMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  fetch?: typeof globalThis.fetch;
  onProgress?: (event: { kind: 'pushed' | 'pulled'; count: number }) => void;
}

const REASONS: readonly SyncErrorReason[] = ['unauthorized', 'network', 'clock-drift', 'protocol'];

function reasonOf(error: unknown): { reason: SyncErrorReason; message: string } {
  if (error instanceof MusubiError && (REASONS as readonly string[]).includes(error.code)) {
    return { reason: error.code as SyncErrorReason, message: error.message };
  }
  return { reason: 'protocol', message: `Sync failed: ${(error as Error).message?.slice(0, 200) ?? 'unknown error'}` };
}

export class SyncController {
  private enabled = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<SyncRoundResult> | undefined;
  private rerun = false;
  private failures = 0;
  private online: boolean | null = null;
  private lastSuccessAt: string | null = null;
  private lastError: SyncStatus['lastError'] = null;
  private nextAttemptAt: number | null = null;
  private lastAnnounced = '';
  private readonly unsubscribe: () => void;

  constructor(private readonly options: SyncControllerOptions) {
    // What the screens read when they opened: only a change from it is news.
    this.lastAnnounced = this.summary();
    this.unsubscribe = options.changes.subscribe((event) => {
      // A print can finish after the station closed its database: nothing is left to tell then.
      if (event.reason !== 'local' || !options.db.open) return;
      this.nudge();
      // A local entry is one more waiting for the hub: the header's count follows (once the
      // notice's listeners are done, so screens hear the change before the count).
      queueMicrotask(() => {
        if (options.db.open) this.announce();
      });
    });
  }

  get paired(): boolean {
    return readSyncConfig(this.options.db) !== undefined;
  }

  status(): SyncStatus {
    const config = readSyncConfig(this.options.db);
    return {
      paired: config !== undefined,
      hubUrl: config?.hubUrl ?? null,
      online: config ? this.online : null,
      syncing: this.current !== undefined,
      waiting: countWaiting(this.options.db),
      lastSuccessAt: this.lastSuccessAt,
      lastError: config ? this.lastError : null,
      nextAttemptAt: this.nextAttemptAt !== null ? new Date(this.nextAttemptAt).toISOString() : null,
    };
  }

  /** A client for the paired hub, or undefined when not paired. */
  client(): HubClient | undefined {
    const config = readSyncConfig(this.options.db);
    if (!config) return undefined;
    const hubUrls = [config.hubUrl, ...(config.fallbackHubUrls ?? [])];
    // Each answer is read on a turn of its own (db/turns.ts), never straight after a page's apply.
    return new HubClient({ hubUrl: hubUrls, key: config.key, eventId: config.eventId, station: this.options.identity.name, fetch: this.options.fetch, beforeReading: yieldToEventLoop });
  }

  /** `fallbackHubUrls`: other processes of the same hub, tried in order when `hubUrl` fails. */
  async pair(hubUrl: string, key: string, fallbackHubUrls: readonly string[] = []): Promise<void> {
    writeSyncConfig(this.options.db, { hubUrl, key, eventId: await eventIdForKey(key), fallbackHubUrls: [...fallbackHubUrls] });
    this.resetState();
    if (this.enabled) this.schedule(0);
    this.announce(true);
  }

  unpair(): void {
    clearSyncConfig(this.options.db);
    clearTimeout(this.timer);
    this.resetState();
    this.announce(true);
  }

  /** Runs the loop from now on (the station and the desktop app do; tests and `--once` need not). */
  start(): void {
    this.enabled = true;
    if (this.paired) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.enabled = false;
    clearTimeout(this.timer);
    this.unsubscribe();
    await this.current?.catch(() => undefined);
  }

  /** Sync soon: after a local check-in, or when the organizer presses "sync now". */
  nudge(): void {
    if (!this.enabled || !this.paired) return;
    // While backing off from an unreachable hub the next attempt stays where it is.
    if (this.failures === 0) this.schedule(0);
  }

  /** One round now (waits for a round already running first). Throws what the round threw. */
  async syncOnce(): Promise<SyncRoundResult> {
    if (this.current) await this.current.catch(() => undefined);
    const client = this.client();
    if (!client) throw new MusubiError('conflict', 'This station is not paired with a hub.', 'hub');
    const round = syncRound({ db: this.options.db, client, clock: this.options.recorder.clock, onProgress: this.options.onProgress });
    this.current = round;
    this.announce();
    try {
      const result = await round;
      this.failures = 0;
      this.online = true;
      this.lastError = null;
      this.nextAttemptAt = null;
      this.lastSuccessAt = new Date(this.options.recorder.wallClock()).toISOString();
      this.announce(result.pulled > 0 || result.pushed > 0, result.pulled > 0);
      return result;
    } catch (error) {
      const { reason, message } = reasonOf(error);
      this.failures++;
      this.online = reason !== 'network';
      this.lastError = { reason, message, at: new Date(this.options.recorder.wallClock()).toISOString() };
      // Pages pulled before the failure are committed: whatever changed, screens re-read it all.
      this.announce(false, true);
      throw error;
    } finally {
      this.current = undefined;
    }
  }

  private resetState(): void {
    this.failures = 0;
    this.online = null;
    this.lastError = null;
    this.nextAttemptAt = null;
  }

  private schedule(ms: number): void {
    if (!this.enabled) return;
    if (this.current) {
      this.rerun = true;
      return;
    }
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loopOnce(), ms);
  }

  private async loopOnce(): Promise<void> {
    if (!this.enabled || !this.paired) return;
    this.rerun = false;
    let delay = this.options.pollMs ?? 3000;
    try {
      await this.syncOnce();
    } catch {
      delay = backoffDelay(this.failures - 1, {
        baseMs: this.options.backoffBaseMs ?? 1000,
        maxMs: this.options.backoffMaxMs ?? 15_000,
        random: this.options.random ?? Math.random,
      });
      this.nextAttemptAt = this.options.recorder.wallClock() + delay;
      this.announce();
    }
    if (this.rerun && this.failures === 0) delay = 0;
    this.schedule(delay);
  }

  /**
   * Tells open screens to re-read when entries arrived (`pulled`: entries of any kind, so every
   * topic) or what the screens show of sync changed (the sync topic). The waiting count is shown
   * only for a paired station, so only then does its change alone make a notice: an unpaired desk
   * is not sent one more re-read per check-in for a number nobody sees.
   */
  private announce(force = false, pulled = false): void {
    const summary = this.summary();
    if (!force && summary === this.lastAnnounced) return;
    this.lastAnnounced = summary;
    this.options.changes.emit({ reason: 'sync', topics: pulled ? CHANGE_TOPICS : ['sync'] });
  }

  /** What the screens show of sync, to tell whether it changed. */
  private summary(): string {
    const status = this.status();
    return JSON.stringify([status.paired, status.online, status.paired ? status.waiting : null, status.lastError?.reason]);
  }
}
