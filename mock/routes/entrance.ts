import type { MiddlewareHandler } from 'hono';
import { type BodyText, readBody } from '../core/pipeline/read-body.ts';
import type { RequestRunner } from '../core/pipeline/run-request.ts';
import type { CorsDecorator } from './cors.ts';
import { send } from './send.ts';

/**
 * What a server adapter may hand Hono: a body reader for its own request type (node:http's `IncomingMessage`
 * is a byte stream already; reading `Request.body` there builds a web stream per request).
 */
export interface MockBindings {
  readonly readBody?: (limit: number) => Promise<BodyText>;
}

/** Hono's environment for the mock: the bindings, and the mark of a request no route took. */
export type MockEnv = { Bindings: MockBindings | undefined; Variables: { unrouted: boolean } };

/**
 * The Hono app's first middleware: hands every request to the runner, which runs the operation itself and the
 * rest through the routes mounted after this (`next`), and writes the runner's answer through Hono's context.
 * A route's bug reaches the runner as a rejection (the app's `onError` rethrows), a request no route took as
 * the `unrouted` mark of the app's `notFound`.
 */
export function createEntrance(
  run: RequestRunner,
  cors: CorsDecorator | undefined,
): MiddlewareHandler<MockEnv> {
  return (c, next) => {
    const raw = c.req.raw;
    const origin = raw.headers.get('origin') ?? undefined;
    const answer = run<Response>(
      {
        method: raw.method,
        url: raw.url,
        header: (name) => raw.headers.get(name) ?? undefined,
        readBody: (limit) => c.env?.readBody?.(limit) ?? readBody(raw, limit),
      },
      {
        preflights: cors !== undefined,
        get routedPath() {
          return c.req.path;
        },
        reply(reply) {
          // Assigned, not only returned: after `next()` Hono keeps the context's response over a returned one.
          c.res = send(c, reply);
          cors?.(origin, c.res.headers);
          return c.res;
        },
        async other() {
          await next();
          return c.get('unrouted') ? undefined : { value: c.res, status: c.res.status };
        },
      },
    );
    // With `other`, the runner answers every request.
    return answer as Promise<Response>;
  };
}
