import { timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { MAX_CLOCK_DRIFT_MS, parseHlc } from '../../shared/domain/hlc';
import { MAX_BATCH, MAX_PUSH_BYTES, PROTOCOL_VERSION, pushRequestSchema, STATION_HEADER } from '../../shared/sync/protocol';
import { StoreUnavailableError, type HubStore } from '../store/types';
import { isBrokenBody } from './request-guard';

/**
 * Protocol v1 on Hono. Every answer is JSON; errors are `{error: {code, message}}` with the
 * reason (which field of which entry was wrong) but never an entry's content: the hub logs and
 * echoes no personal data. A store that cannot reach its database answers 503, so stations back
 * off and retry (or move to another hub process).
 */
export interface HubEvents {
  /** event id → key */
  keys: ReadonlyMap<string, string>;
  store: HubStore;
  /** Called after new entries were stored (the relay pushes them upstream soon). */
  onStored?: (eventId: string) => void;
}

class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const BROKEN_BODY = 'The body could not be read (cut off?).';
const TOO_LARGE = `A push may carry at most ${MAX_PUSH_BYTES} bytes; send fewer entries at a time.`;

function json(c: Context, status: ContentfulStatusCode, text: string): Response {
  return c.body(text, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
}

function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return json(c, status, JSON.stringify({ error: { code, message } }));
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The event named in the path, if the bearer key is that event's key; 401 otherwise (unknown events too). */
function authorizedEvent(events: HubEvents, c: Context): string {
  const eventId = c.req.param('event') ?? '';
  const match = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '');
  const key = events.keys.get(eventId);
  if (!match?.[1] || key === undefined || !sameSecret(match[1], key)) {
    throw new HttpError(401, 'unauthorized', 'A valid event key is required (Authorization: Bearer <key>).');
  }
  return eventId;
}

function stationOf(c: Context): string | undefined {
  const raw = c.req.header(STATION_HEADER);
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw).slice(0, 64);
  } catch {
    return undefined;
  }
}

function intParam(c: Context, name: string, fallback: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new HttpError(400, 'invalid-input', `${name} must be a whole number from 0 to ${max}.`);
  }
  return value;
}

async function readJson(c: Context): Promise<unknown> {
  let text: string;
  try {
    text = await c.req.text();
  } catch {
    throw new HttpError(400, 'invalid-input', BROKEN_BODY);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-input', 'The body is not JSON.');
  }
}

async function pushEntries(events: HubEvents, c: Context): Promise<Response> {
  const eventId = authorizedEvent(events, c);
  const parsed = pushRequestSchema.safeParse(await readJson(c));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, 'invalid-input', `${issue?.path.join('.') ?? 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  // A station with a broken clock must hear about it, and must not hand every other station an
  // entry their clocks refuse (which would stop their sync): refuse it here, with the reason.
  const now = Date.now();
  parsed.data.entries.forEach((entry, index) => {
    const ahead = parseHlc(entry.hlc).ms - now;
    if (ahead > MAX_CLOCK_DRIFT_MS) {
      throw new HttpError(
        400,
        'clock-drift',
        `entries.${index}.hlc: the station's clock is ${Math.round(ahead / 1000)} s ahead of the hub's (limit ${MAX_CLOCK_DRIFT_MS / 1000} s). Check the date and time settings.`,
      );
    }
  });
  const result = await events.store.add(eventId, parsed.data.entries);
  const station = stationOf(c);
  if (station) await events.store.seen(eventId, station, result.accepted, new Date().toISOString());
  if (result.accepted > 0) events.onStored?.(eventId);
  return json(c, 200, JSON.stringify(result));
}

async function pullEntries(events: HubEvents, c: Context): Promise<Response> {
  const eventId = authorizedEvent(events, c);
  const after = intParam(c, 'after', 0, Number.MAX_SAFE_INTEGER);
  const limit = Math.max(1, intParam(c, 'limit', 1000, MAX_BATCH));
  const batch = await events.store.read(eventId, after, limit);
  const station = stationOf(c);
  if (station) await events.store.seen(eventId, station, 0, new Date().toISOString());
  // Bodies are stored as validated JSON, so the answer is assembled without re-encoding each entry.
  return json(c, 200, `{"entries":[${batch.joined}],"cursor":${batch.cursor},"more":${batch.more},"hub":${JSON.stringify(events.store.storeId)}}`);
}

export function hubApp(events: HubEvents): Hono {
  const app = new Hono();
  app.get('/v1/health', async (c) => {
    const reachable = await events.store.reachable();
    // 503 lets a load balancer or a station's next-address logic steer away from this process.
    return json(c, reachable ? 200 : 503, JSON.stringify({ ok: reachable, version: PROTOCOL_VERSION, database: reachable ? 'reachable' : 'unreachable' }));
  });
  app.post(
    '/v1/events/:event/entries',
    bodyLimit({ maxSize: MAX_PUSH_BYTES, onError: (c) => errorResponse(c, 413, 'too-large', TOO_LARGE) }),
    (c) => pushEntries(events, c),
  );
  app.get('/v1/events/:event/entries', (c) => pullEntries(events, c));
  app.get('/v1/events/:event/stations', async (c) => json(c, 200, JSON.stringify({ stations: await events.store.stations(authorizedEvent(events, c)) })));
  app.all('/v1/events/:event/:what{entries|stations}', (c) => errorResponse(c, 405, 'method-not-allowed', 'Method not allowed here.'));
  app.notFound((c) => errorResponse(c, 404, 'not-found', 'No such path in protocol v1.'));
  app.onError((error, c) => {
    if (error instanceof HttpError) return errorResponse(c, error.status, error.code, error.message);
    if (isBrokenBody(error)) return errorResponse(c, 400, 'invalid-input', BROKEN_BODY);
    if (error instanceof StoreUnavailableError) {
      return errorResponse(c, 503, 'unavailable', 'The hub cannot reach its database right now; try again shortly.');
    }
    // Never the request or entry content: it may hold personal data.
    console.error(`[hub] request failed: ${error.name}: ${error.message.slice(0, 120)}`);
    return errorResponse(c, 500, 'internal', 'The hub could not store or read entries.');
  });
  return app;
}
