import type { MiddlewareHandler } from 'hono';
import { fail } from '../../../shared/api/result';

/**
 * A page on another site must not drive the API from a visitor's browser (CSRF): a request that
 * names an Origin must come from the origin it is sent to.
 */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function sameOriginOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (!isSameOrigin(c.req.header('origin'), c.req.header('host'))) {
      return c.json(fail({ code: 'forbidden', message: 'Requests from other sites are refused.' }), 403);
    }
    await next();
  };
}
