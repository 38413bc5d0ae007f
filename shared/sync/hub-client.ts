import { z } from 'zod';
import type { Entry } from '../domain/entry';
import { MusubiError } from '../errors';
import {
  healthResponseSchema,
  hubErrorSchema,
  MAX_PUSH_BYTES,
  pullResponseSchema,
  pushResponseSchema,
  STATION_HEADER,
  stationsResponseSchema,
  type HubStation,
  type PullResponse,
  type PushResponse,
} from './protocol';
import { parseEntries } from './parse-entries';

const pullEnvelopeSchema = pullResponseSchema.extend({ entries: z.array(z.unknown()) });

/** A pulled page and how long reading it held the thread (`HubClient.pull`). */
export type PulledPage = PullResponse & { readMs: number };

/** Milliseconds for timing (shared code: the global `performance`, in Node and in browsers). */
const now = (): number => performance.now();

/**
 * A client for one event on one hub (protocol v1). Used by the station's sync loop and by a hub
 * relaying to an upstream hub. Every failure becomes a MusubiError with a typed code the UI can
 * explain: `unauthorized` (wrong key), `network` (hub unreachable, timeout, cut connection) or
 * `protocol` (the hub answered something this version does not understand).
 */
export interface HubClientOptions {
  /**
   * The hub's address, or several addresses of hub processes sharing one store: a request that
   * cannot reach one (or that it answers 5xx/503) goes to the next at once, and later requests
   * start from the one that answered.
   */
  hubUrl: string | readonly string[];
  key: string;
  eventId: string;
  /** Sent so the hub can list the stations it has seen. */
  station?: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
  /**
   * Awaited before an answer that has arrived is read (its JSON and checks): a station passes its
   * turns of the event loop for long work, so that reading a page of the pull never runs in the
   * same turn as applying the page before it (the desk would wait for both).
   */
  beforeReading?: () => Promise<void>;
}

export class HubClient {
  private readonly fetchImpl: typeof globalThis.fetch;
  private readonly bases: readonly string[];
  /** Index of the address that answered last. */
  private current = 0;

  constructor(private readonly options: HubClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    const urls = typeof options.hubUrl === 'string' ? [options.hubUrl] : options.hubUrl;
    if (urls.length === 0) throw new MusubiError('invalid-input', 'A hub address is required.', 'hubUrl');
    this.bases = urls.map((url) => url.replace(/\/+$/, ''));
  }

  /** The address requests go to now. */
  get hubUrl(): string {
    return this.bases[this.current] ?? '';
  }

  private get eventPath(): string {
    return `/v1/events/${encodeURIComponent(this.options.eventId)}`;
  }

  /**
   * Pushes `entries`, in as many requests as keep each body under half the hub's limit: a batch is
   * counted in entries, and a few event logos (up to 270 KB each) would otherwise make a batch of
   * a thousand too large for the hub to read, and sync would stop. Pushes are idempotent, so a
   * failure part-way is repaired by pushing the whole batch again.
   */
  async push(entries: readonly Entry[]): Promise<PushResponse> {
    const total: PushResponse = { accepted: 0, duplicates: 0, cursor: 0 };
    for (const body of pushBodies(entries, MAX_PUSH_BYTES / 2)) {
      const answer = await this.request(`${this.eventPath}/entries`, pushResponseSchema, { method: 'POST', body });
      total.accepted += answer.accepted;
      total.duplicates += answer.duplicates;
      total.cursor = answer.cursor;
    }
    return total;
  }

  /**
   * A page of entries after `after`, with `readMs`: how long reading the answer (JSON and the
   * checks of every entry) held the thread, in one go, once the answer had arrived. A station
   * sizes its next pages by it as well as by applying them: both are steps the desk waits behind.
   */
  async pull(after: number, limit: number): Promise<PulledPage> {
    // The envelope through zod, the entries through the cheaper but equally strict parseEntries.
    const read = { ms: 0 };
    const answer = await this.request(`${this.eventPath}/entries?after=${after}&limit=${limit}`, pullEnvelopeSchema, { method: 'GET' }, read);
    const start = now();
    const parsed = parseEntries(answer.entries);
    if (!parsed.ok) throw new MusubiError('protocol', `The hub's answer is not protocol v1 (${parsed.path}: ${parsed.message}).`, 'hub');
    return { ...answer, entries: parsed.entries, readMs: read.ms + (now() - start) };
  }

  async stations(): Promise<HubStation[]> {
    return (await this.request(`${this.eventPath}/stations`, stationsResponseSchema, { method: 'GET' })).stations;
  }

  async health(): Promise<{ ok: true; version: number }> {
    return this.request('/v1/health', healthResponseSchema, { method: 'GET' });
  }

  /**
   * Every request of the protocol is idempotent (a push is deduped by entry id), so a connection
   * reset by a keep-alive race is retried once at once; anything else waits for the backoff.
   */
  private async send(url: string, init: { method: string; body?: string; headers: Record<string, string> }): Promise<{ status: number; text: string }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.fetchImpl(url, { ...init, signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000) });
        return { status: response.status, text: await response.text() };
      } catch (error) {
        const reason = describeNetworkError(error);
        if (attempt === 0 && isConnectionReset(reason)) continue;
        throw new MusubiError('network', `The hub cannot be reached (${reason}).`, 'hub');
      }
    }
  }

  /**
   * Every request is idempotent, so one that meets a hub process that is down or cannot reach its
   * database is sent to the next address; only when none answers does the caller see the failure.
   */
  private async request<S extends z.ZodType>(path: string, schema: S, init: { method: string; body?: string }, read?: { ms: number }): Promise<z.output<S>> {
    let lastError: unknown;
    for (let tried = 0; tried < this.bases.length; tried++) {
      const index = (this.current + tried) % this.bases.length;
      try {
        const answer = await this.requestOne(`${this.bases[index] ?? ''}${path}`, schema, init, read);
        this.current = index;
        return answer;
      } catch (error) {
        if (!(error instanceof MusubiError) || error.code !== 'network') throw error;
        lastError = error;
      }
    }
    // Start from the next address next time: the one that failed last is the least likely to answer.
    this.current = (this.current + 1) % this.bases.length;
    throw lastError;
  }

  /** `read.ms` is set to how long parsing and checking the answer took. */
  private async requestOne<S extends z.ZodType>(url: string, schema: S, init: { method: string; body?: string }, read?: { ms: number }): Promise<z.output<S>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.key}` };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.station) headers[STATION_HEADER] = encodeURIComponent(this.options.station);
    const { status, text } = await this.send(url, { ...init, headers });
    await this.options.beforeReading?.();
    const start = now();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // A cut-off answer is a network problem (retry), not a hub speaking another protocol.
      throw new MusubiError('network', `The hub's answer was cut off or is not JSON (HTTP ${status}).`, 'hub');
    }
    if (status === 401 || status === 403) {
      throw new MusubiError('unauthorized', 'The hub refused the event key. Pair this station again with the current code.', 'key');
    }
    if (status < 200 || status >= 300) {
      const reason = hubErrorSchema.safeParse(body);
      const message = reason.success ? reason.data.error.message : `HTTP ${status}`;
      if (reason.success && reason.data.error.code === 'clock-drift') throw new MusubiError('clock-drift', message, 'hub');
      if (status >= 500 || status === 429) throw new MusubiError('network', `The hub is not available right now: ${message}`, 'hub');
      throw new MusubiError('protocol', `The hub refused the request: ${message}`, 'hub');
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new MusubiError('protocol', `The hub's answer is not protocol v1 (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}).`, 'hub');
    }
    if (read) read.ms = now() - start;
    return parsed.data;
  }
}

function isConnectionReset(reason: string): boolean {
  return reason === 'ECONNRESET' || reason === 'EPIPE' || reason === 'UND_ERR_SOCKET';
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timed out';
  // fetch wraps the socket error: "fetch failed" with the code on its cause (or the cause's first error).
  const cause = (error as { cause?: { code?: unknown; message?: unknown; errors?: { code?: unknown }[] } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  const first = cause?.errors?.[0]?.code;
  if (typeof first === 'string') return first;
  return typeof cause?.message === 'string' ? cause.message : error.message;
}

const utf8 = new TextEncoder();

/** Push request bodies of at most `budget` bytes each (a single larger entry goes alone). */
export function pushBodies(entries: readonly Entry[], budget: number): string[] {
  const bodies: string[] = [];
  let part: string[] = [];
  let size = 0;
  const close = (): void => {
    if (part.length > 0) bodies.push(`{"entries":[${part.join(',')}]}`);
    part = [];
    size = 0;
  };
  for (const entry of entries) {
    const json = JSON.stringify(entry);
    const bytes = utf8.encode(json).length + 1;
    if (size + bytes > budget) close();
    part.push(json);
    size += bytes;
  }
  close();
  if (bodies.length === 0) bodies.push('{"entries":[]}');
  return bodies;
}
