import type { MiddlewareHandler } from 'hono';

/** Which browser origins may call the mock: any (`*`), a list, or none. */
export type CorsOrigins = '*' | readonly string[];

/** Response headers a browser script may read besides the CORS-safelisted ones. */
const exposeHeaders = 'content-type, allow';

/**
 * CORS with preflight (Fetch standard, "CORS protocol"). Requests without `Origin` (curl, servers, tests) skip it
 * entirely, so the hot path of non-browser clients pays one header lookup.
 */
export function createCors(origins: CorsOrigins, allowMethods: string): MiddlewareHandler {
  const allowed = (origin: string) => (origins === '*' ? '*' : origins.includes(origin) ? origin : undefined);
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    const allow = allowed(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      if (!allow) return c.body(null, 403);
      c.header('access-control-allow-origin', allow);
      c.header('access-control-allow-methods', allowMethods);
      const requested = c.req.header('access-control-request-headers');
      if (requested) c.header('access-control-allow-headers', requested);
      c.header('access-control-max-age', '600');
      if (allow !== '*') c.header('vary', 'Origin');
      return c.body(null, 204);
    }
    await next();
    if (!allow) return;
    c.res.headers.set('access-control-allow-origin', allow);
    c.res.headers.set('access-control-expose-headers', exposeHeaders);
    if (allow !== '*') c.res.headers.append('vary', 'Origin');
  };
}
