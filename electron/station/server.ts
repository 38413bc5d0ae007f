import os from 'node:os';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { METHOD_NAMES, contract, type MethodName } from '../../shared/api/contract';
import { API_PREFIX, EVENTS_PATH, apiPath } from '../../shared/api/http-routes';
import { fail, type Result } from '../../shared/api/result';
import type { ErrorCode } from '../../shared/errors';
import { dispatch } from '../core/service/dispatch';
import type { MusubiService } from '../core/service/service';
import { answerError } from './http/errors';
import { allowedHostnames, hostCheck, interfaceAddresses, isLoopbackAddress, isWildcardAddress } from './http/host-check';
import { limitBody, readJsonBody } from './http/json-body';
import { listen } from './http/node-server';
import { sameOriginOnly } from './http/same-origin';
import { securityHeaders } from './http/security-headers';
import { lookUpCaller, type CallerLookup } from './session-cookie';
import { registerSessionRoutes } from './session-routes';
import { serveStatic } from './static-files';

/** Largest API request body unless the method says otherwise (`maxBodyBytes` in the contract). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Content-Security-Policy for the served renderer: only our own scripts, no inline code; blob: frames for the badge PDF preview. */
const CSP = "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-src blob:; frame-ancestors 'none'";

export interface StationOptions {
  service: MusubiService;
  /** Folder with the built renderer (index.html). */
  staticDir: string;
  host?: string;
  port?: number;
  /** More host names the station answers to (beyond loopback, its addresses and its hostname). */
  allowHosts?: readonly string[];
  /**
   * Every browser needs a session, this machine's too. Implied by any address beyond loopback;
   * set it on loopback for a station reached through a proxy on the same machine.
   */
  requirePairing?: boolean;
}

export interface RunningStation {
  url: string;
  /** Where a tablet on the network opens the station (the URL above when bound to loopback). */
  networkUrls: string[];
  close(): Promise<void>;
}

/** Status for an API result: the typed error decides, everything else is a 200 with `ok: false`. */
const STATUS_OF_ERROR: Partial<Record<ErrorCode, 400 | 401 | 403 | 404>> = {
  'invalid-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'unknown-method': 404,
};

function bodyLimitOf(name: MethodName): number {
  const spec: { maxBodyBytes?: number } = contract[name];
  return spec.maxBodyBytes ?? MAX_BODY_BYTES;
}

function refusal(c: Context, found: Exclude<CallerLookup, { kind: 'caller' }>): Response {
  const message =
    found.kind === 'revoked'
      ? 'This device’s session has ended (revoked by the organizer). Pair it again.'
      : 'This device is not paired with the station. Open the pairing link, or log in with the organizer PIN.';
  return c.json(fail({ code: 'unauthorized', message }), 401);
}

/** Addresses a tablet can open: the bound one, or each interface's when bound to every interface. */
function networkUrls(host: string, port: number): string[] {
  const url = (address: string): string => `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
  if (!isWildcardAddress(host)) return [url(host)];
  const external = interfaceAddresses().filter((address) => !isLoopbackAddress(address) && !address.startsWith('fe80:'));
  return [...external.filter((a) => !a.includes(':')).map(url), url(os.hostname())];
}

/**
 * The station host: the same API as the Electron IPC bridge, as `POST /api/<method>` (one route per
 * contract method), server-sent events, session routes, plus the built renderer, for browsers and
 * tablets. Binds loopback unless told otherwise; beyond loopback every browser needs a session and
 * the organizer PIN must be set.
 */
export async function startStation(options: StationOptions): Promise<RunningStation> {
  const { service, staticDir } = options;
  const { access } = service;
  const host = options.host ?? '127.0.0.1';
  const requirePairing = options.requirePairing === true || !isLoopbackAddress(host);
  if (requirePairing && !access.pins.isSet('organizer')) {
    throw new Error('A station reachable beyond this machine needs an organizer PIN: start it with --organizer-pin <pin>.');
  }
  const trustLoopback = !requirePairing;

  const app = new Hono();
  app.onError(answerError);
  app.use(securityHeaders(CSP));
  app.use(hostCheck(allowedHostnames({ boundAddress: host, allowHosts: options.allowHosts })));
  app.use(`${API_PREFIX}*`, sameOriginOnly());
  app.use('/session/*', sameOriginOnly());

  app.get(EVENTS_PATH, (c) => {
    const found = lookUpCaller(c, access, trustLoopback);
    if (found.kind !== 'caller') return refusal(c, found);
    c.header('cache-control', 'no-store');
    return streamSSE(c, async (stream) => {
      await stream.write(': connected\n\n');
      const unsubscribe = service.changes.subscribe((event) => void stream.writeSSE({ event: 'changed', data: JSON.stringify(event) }));
      const keepAlive = setInterval(() => void stream.write(': ping\n\n'), 25_000);
      await new Promise<void>((resolve) => stream.onAbort(resolve));
      clearInterval(keepAlive);
      unsubscribe();
    });
  });

  for (const name of METHOD_NAMES) {
    app.post(apiPath(name), limitBody(bodyLimitOf(name)), async (c) => {
      const found = lookUpCaller(c, access, trustLoopback);
      if (found.kind !== 'caller') return refusal(c, found);
      const body = await readJsonBody(c);
      if (!body.ok) return body.response;
      const result: Result<unknown> = await dispatch(service.api, name, body.value, found.caller);
      const status = result.ok ? 200 : (STATUS_OF_ERROR[result.error.code] ?? 200);
      c.header('cache-control', 'no-store');
      return c.json(result, status);
    });
    app.all(apiPath(name), (c) => c.body(null, 405, { allow: 'POST' }));
  }
  app.all(`${API_PREFIX}*`, (c) => c.json(fail({ code: 'unknown-method', message: 'No such API path.' }), 404));

  registerSessionRoutes(app, access, trustLoopback);
  app.all('/session/*', (c) => c.json(fail({ code: 'unknown-method', message: 'No such session path.' }), 404));

  app.on(['GET', 'HEAD'], '*', (c) => serveStatic(staticDir, new URL(c.req.url).pathname, c.req.method));
  app.all('*', (c) => c.body(null, 405, { allow: 'GET, HEAD' }));

  const listening = await listen(app, options.port ?? 4780, host);
  const port = listening.address.port;
  const bound = listening.address.address;
  const url = `http://${bound.includes(':') ? `[${bound}]` : bound}:${port}/`;
  const lan = isLoopbackAddress(host) ? [url] : networkUrls(bound, port);
  // Pairing links only where a paired device can use them: a loopback station serves this machine only.
  access.stationUrls = requirePairing ? lan : [];
  return { url: isWildcardAddress(bound) ? `http://127.0.0.1:${port}/` : url, networkUrls: lan, close: listening.close };
}
