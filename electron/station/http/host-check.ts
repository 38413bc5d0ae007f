import os from 'node:os';
import type { MiddlewareHandler } from 'hono';

/**
 * Answers only requests whose Host names this server: a page on another site whose name was
 * pointed at this machine (DNS rebinding) sends its own name as Host, and is refused before
 * anything is read.
 */
export interface HostCheckOptions {
  /** The address the server is bound to ("0.0.0.0" and "::" mean every interface). */
  boundAddress: string;
  /** More names or addresses clients may use (`--allow-host`, e.g. a name the venue router gives). */
  allowHosts?: readonly string[];
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'];

function bare(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

export function isLoopbackAddress(address: string): boolean {
  const name = bare(address);
  return name === 'localhost' || name === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name) || name === '::ffff:127.0.0.1';
}

export function isWildcardAddress(address: string): boolean {
  return address === '0.0.0.0' || address === '::' || address === '';
}

/** The machine's own addresses on every interface. */
export function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((info) => bare(info.address)));
}

/** Every host name this server answers to. */
export function allowedHostnames(options: HostCheckOptions): Set<string> {
  const names = new Set<string>(LOOPBACK_NAMES);
  const hostname = os.hostname();
  if (hostname) {
    names.add(bare(hostname));
    if (!hostname.includes('.')) names.add(`${bare(hostname)}.local`);
  }
  if (isWildcardAddress(options.boundAddress)) for (const address of interfaceAddresses()) names.add(address);
  else names.add(bare(options.boundAddress));
  for (const extra of options.allowHosts ?? []) names.add(bare(extra));
  return names;
}

/** The name part of a Host header ("[::1]:4780" → "::1"), or null when it has none. */
export function hostnameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  try {
    return bare(new URL(`http://${hostHeader}`).hostname);
  } catch {
    return null;
  }
}

export function isAllowedHost(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostnameOf(hostHeader);
  return name !== null && (allowed.has(name) || isLoopbackAddress(name));
}

export function hostCheck(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    if (!isAllowedHost(c.req.header('host'), allowed)) {
      return c.text('This station does not answer for that host name. Open it by its address.', 421);
    }
    await next();
  };
}
