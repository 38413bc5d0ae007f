import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { decodeIppResponse, type IppResponse } from './ipp-message';

/** Where the local CUPS scheduler listens: its domain socket, or a port on this machine. */
export type SchedulerAddress = { socketPath: string } | { host: string; port: number };

/** Where CUPS puts its domain socket (Debian/Ubuntu and most Linux, older Linux, macOS). */
const DEFAULT_SOCKETS = ['/run/cups/cups.sock', '/var/run/cups/cups.sock', '/private/var/run/cupsd'];
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** `ServerName` from a CUPS client.conf, if it names one. */
function serverNameIn(file: string, read: (file: string) => string | undefined): string | undefined {
  const text = read(file);
  return text ? /^\s*ServerName\s+(\S+)/im.exec(text)?.[1] : undefined;
}

export interface SchedulerLookup {
  env: NodeJS.ProcessEnv;
  read: (file: string) => string | undefined;
  exists: (file: string) => boolean;
  home: string;
}

/** The real environment, files and home folder, for the lookups CUPS's commands make. */
export const systemLookup = (): SchedulerLookup => ({
  env: process.env,
  read: (file) => {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  exists: (file) => fs.existsSync(file),
  home: os.homedir(),
});

/**
 * The local scheduler, found the way CUPS's own commands find theirs (CUPS_SERVER, then
 * ~/.cups/client.conf, then /etc/cups/client.conf, else the domain socket or localhost:631).
 * Undefined when that is another machine or a form this client does not speak (a remote server,
 * one that wants encryption via "/version=" or a port-less IPv6 address): `lp` prints there.
 */
export function localScheduler(lookup: SchedulerLookup = systemLookup()): SchedulerAddress | undefined {
  const { env, read, exists, home } = lookup;
  const server =
    env.CUPS_SERVER?.trim() || serverNameIn(path.join(home, '.cups', 'client.conf'), read) || serverNameIn('/etc/cups/client.conf', read);
  const port = Number(env.IPP_PORT) || 631;
  if (!server) {
    const socketPath = DEFAULT_SOCKETS.find(exists);
    return socketPath ? { socketPath } : { host: 'localhost', port };
  }
  if (server.startsWith('/')) return { socketPath: server };
  const match = /^(\[[^\]]+\]|[^:/]+)(?::(\d+))?$/.exec(server);
  if (!match || !LOCAL_HOSTS.has(match[1]!.toLowerCase())) return undefined;
  return { host: match[1]!.replace(/^\[|\]$/g, ''), port: match[2] ? Number(match[2]) : port };
}

/**
 * The scheduler could not be asked at all: nothing reached it, so nothing was printed and the
 * caller may try another way (`lp`). Also a scheduler that answers the HTTP request with a refusal
 * (authentication wanted, encryption required): it did not read the job.
 */
export class SchedulerUnreachable extends Error {
  override name = 'SchedulerUnreachable';
  constructor(
    message: string,
    /** Nothing listens there (no socket file, connection refused): the scheduler is not running. */
    readonly nothingListens = false,
  ) {
    super(message);
  }
}

/** Errors of a connection that never opened: no job can have been sent. */
const NOT_CONNECTED = new Set(['ENOENT', 'ECONNREFUSED', 'EACCES', 'ENOTSOCK', 'EADDRNOTAVAIL', 'ENOTFOUND', 'EAI_AGAIN', 'EPERM']);

export function describeAddress(address: SchedulerAddress): string {
  return 'socketPath' in address ? address.socketPath : `${address.host}:${address.port}`;
}

/**
 * Posts one IPP request to the scheduler at `resource` (e.g. /printers/QL-820NWB) and reads its
 * answer. A fresh connection each time (a local connect costs well under a millisecond, and a kept
 * one may be closed by CUPS under us). Throws SchedulerUnreachable when nothing reached CUPS, or an
 * Error naming what went wrong after it did (no answer in time, a broken answer).
 */
export function postIpp(address: SchedulerAddress, resource: string, body: Buffer, timeoutMs = 30_000): Promise<IppResponse> {
  return new Promise((resolve, reject) => {
    let connected = false;
    const request = http.request(
      {
        ...('socketPath' in address ? { socketPath: address.socketPath } : { host: address.host, port: address.port }),
        method: 'POST',
        path: resource,
        // CUPS checks Host against its own names; "localhost" is always one of them.
        headers: { 'Content-Type': 'application/ipp', 'Content-Length': body.length, Host: 'localhost' },
        agent: false,
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          if (response.statusCode !== 200) {
            reject(new SchedulerUnreachable(`CUPS answered HTTP ${response.statusCode} at ${describeAddress(address)}${resource}`));
            return;
          }
          try {
            resolve(decodeIppResponse(Buffer.concat(chunks)));
          } catch (error) {
            reject(error as Error);
          }
        });
      },
    );
    request.on('socket', (socket) => socket.once('connect', () => (connected = true)));
    request.on('timeout', () => request.destroy(new Error(`CUPS did not answer within ${Math.round(timeoutMs / 1000)} s`)));
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected && error.code && NOT_CONNECTED.has(error.code)) {
        const nothingListens = error.code === 'ENOENT' || error.code === 'ECONNREFUSED';
        reject(new SchedulerUnreachable(`nothing answers at ${describeAddress(address)} (${error.code})`, nothingListens));
      } else {
        reject(error);
      }
    });
    request.end(body);
  });
}
