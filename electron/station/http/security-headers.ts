import type { MiddlewareHandler } from 'hono';

/** Headers every answer carries: no MIME sniffing, no referrer, and the page's content policy. */
export function securityHeaders(contentSecurityPolicy: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('referrer-policy', 'no-referrer');
    c.res.headers.set('content-security-policy', contentSecurityPolicy);
  };
}
