import type { MiddlewareHandler } from 'hono';

/** Which browser origins may call the mock: any (`*`), a list, or none. */
export type CorsOrigins = '*' | readonly string[];

/** Response headers a browser script may read besides the CORS-safelisted ones. */
const exposeHeaders = 'content-type, allow';

/** Adds the CORS response headers for a request's `Origin`, once (a response already carrying them is left). */
export type CorsDecorator = (origin: string | undefined, headers: Headers) => void;

/** CORS (Fetch standard, "CORS protocol"): the preflight middleware and the response headers of every answer. */
export interface Cors {
  readonly preflight: MiddlewareHandler;
  readonly decorate: CorsDecorator;
}

/**
 * CORS with preflight. Requests without `Origin` (curl, servers, tests) skip it entirely, so the hot path of
 * non-browser clients pays one header lookup. The runner's own replies (the operation's, a 404, a 500) are
 * decorated where the entrance writes them, the other routes' after them.
 */
export function createCors(origins: CorsOrigins, allowMethods: string): Cors {
  const allowed = (origin: string) => (origins === '*' ? '*' : origins.includes(origin) ? origin : undefined);
  const decorate: CorsDecorator = (origin, headers) => {
    const allow = origin === undefined ? undefined : allowed(origin);
    if (!allow || headers.has('access-control-allow-origin')) return;
    headers.set('access-control-allow-origin', allow);
    headers.set('access-control-expose-headers', exposeHeaders);
    if (allow !== '*') headers.append('vary', 'Origin');
  };
  const preflight: MiddlewareHandler = async (c, next) => {
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
    decorate(origin, c.res.headers);
  };
  return { preflight, decorate };
}
