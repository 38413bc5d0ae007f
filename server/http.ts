import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_CLOCK_DRIFT_MS, parseHlc } from '../shared/domain/hlc';
import { MAX_BATCH, MAX_PUSH_BYTES, PROTOCOL_VERSION, pushRequestSchema, STATION_HEADER } from '../shared/sync/protocol';
import type { HubStore } from './store';

/**
 * Protocol v1 over node:http. Every answer is JSON; errors are `{error: {code, message}}` with the
 * reason (which field of which entry was wrong) but never an entry's content: the hub logs and
 * echoes no personal data.
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
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sendError(res: ServerResponse, error: HttpError): void {
  send(res, error.status, JSON.stringify({ error: { code: error.code, message: error.message } }));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > MAX_PUSH_BYTES) {
      req.resume();
      reject(new HttpError(413, 'too-large', `A push may carry at most ${MAX_PUSH_BYTES} bytes; send fewer entries at a time.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PUSH_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_PUSH_BYTES
        ? reject(new HttpError(413, 'too-large', `A push may carry at most ${MAX_PUSH_BYTES} bytes; send fewer entries at a time.`))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The event named in the path, if the bearer key is that event's key; 401 otherwise (unknown events too). */
function authorize(events: HubEvents, eventId: string, req: IncomingMessage): void {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer (.+)$/.exec(header);
  const key = events.keys.get(eventId);
  if (!match?.[1] || key === undefined || !sameSecret(match[1], key)) {
    throw new HttpError(401, 'unauthorized', 'A valid event key is required (Authorization: Bearer <key>).');
  }
}

function stationOf(req: IncomingMessage): string | undefined {
  const raw = req.headers[STATION_HEADER];
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    return decodeURIComponent(raw).slice(0, 64);
  } catch {
    return undefined;
  }
}

function intParam(url: URL, name: string, fallback: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new HttpError(400, 'invalid-input', `${name} must be a whole number from 0 to ${max}.`);
  }
  return value;
}

async function pushEntries(events: HubEvents, eventId: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-input', 'The body is not JSON.');
  }
  const parsed = pushRequestSchema.safeParse(json);
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
  const result = events.store.add(eventId, parsed.data.entries);
  const station = stationOf(req);
  if (station) events.store.seen(eventId, station, result.accepted, new Date().toISOString());
  send(res, 200, JSON.stringify(result));
  if (result.accepted > 0) events.onStored?.(eventId);
}

function pullEntries(events: HubEvents, eventId: string, url: URL, req: IncomingMessage, res: ServerResponse): void {
  const after = intParam(url, 'after', 0, Number.MAX_SAFE_INTEGER);
  const limit = Math.max(1, intParam(url, 'limit', 1000, MAX_BATCH));
  const batch = events.store.read(eventId, after, limit);
  const station = stationOf(req);
  if (station) events.store.seen(eventId, station, 0, new Date().toISOString());
  // Bodies are stored as validated JSON, so the answer is assembled without re-encoding each entry.
  send(res, 200, `{"entries":[${batch.bodies.join(',')}],"cursor":${batch.cursor},"more":${batch.more},"hub":${JSON.stringify(events.store.storeId)}}`);
}

export async function handleHubRequest(events: HubEvents, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    if (url.pathname === '/v1/health' && req.method === 'GET') {
      send(res, 200, JSON.stringify({ ok: true, version: PROTOCOL_VERSION }));
      return;
    }
    const match = /^\/v1\/events\/([^/]+)\/(entries|stations)$/.exec(url.pathname);
    if (!match?.[1] || !match[2]) throw new HttpError(404, 'not-found', 'No such path in protocol v1.');
    const eventId = decodeURIComponent(match[1]);
    authorize(events, eventId, req);
    if (match[2] === 'entries' && req.method === 'POST') await pushEntries(events, eventId, req, res);
    else if (match[2] === 'entries' && req.method === 'GET') pullEntries(events, eventId, url, req, res);
    else if (match[2] === 'stations' && req.method === 'GET') send(res, 200, JSON.stringify({ stations: events.store.stations(eventId) }));
    else throw new HttpError(405, 'method-not-allowed', 'Method not allowed here.');
  } catch (error) {
    if (error instanceof HttpError) {
      sendError(res, error);
      return;
    }
    // Never the request or entry content: it may hold personal data.
    console.error(`[hub] request failed: ${(error as Error).name}: ${(error as Error).message.slice(0, 120)}`);
    sendError(res, new HttpError(500, 'internal', 'The hub could not store or read entries.'));
  }
}
