import { readBody } from './read-body.ts';
import type { Reply } from './reply.ts';
import type { RequestRunner } from './run-request.ts';

/** A fetch-standard handler: what `mock.fetch` is, and what the framework behind it offers. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** The mock's fetch-standard entrances, for in-process clients and MSW. */
export interface FetchEntrance {
  /** Every request: the operation's straight to the runner, the rest (and every browser's) through `routes`. */
  readonly fetch: FetchHandler;
  /**
   * The operation's requests only, with `target` (path and query) read below a base URL by the caller (MSW);
   * `undefined` for a request that is not the operation's, so the caller can let it pass.
   */
  readonly operation: (request: Request, target: string) => Promise<Response> | undefined;
}

/** The reply as a fetch `Response`. */
export function toResponse(reply: Reply): Response {
  const headers: Record<string, string> = { 'content-type': reply.contentType };
  if (reply.headers) Object.assign(headers, reply.headers);
  return new Response(reply.body, { status: reply.status, headers });
}

const toResponseExchange = { reply: toResponse };

/**
 * Requests without `Origin` (no CORS to apply: tests, servers, MSW in Node) go to the runner as they are, with
 * no second `Request` and the body read once; a browser's go through `routes`, which answer CORS as well.
 */
export function createFetchEntrance(
  run: RequestRunner,
  routes: FetchHandler,
  matches: (path: string) => boolean,
): FetchEntrance {
  const direct = (request: Request, url: string) =>
    run(
      {
        method: request.method,
        url,
        header: (name) => request.headers.get(name) ?? undefined,
        readBody: (limit) => readBody(request, limit),
      },
      toResponseExchange,
    );
  return {
    fetch: (request) =>
      (request.headers.has('origin') ? undefined : direct(request, request.url)) ?? routes(request),
    operation(request, target) {
      if (!request.headers.has('origin')) return direct(request, target);
      const path = target.split('?', 1)[0] ?? target;
      return matches(path) ? viaRoutes(routes, request, target) : undefined;
    },
  };
}

/** A browser's request, re-targeted below the base, through the routes (for CORS). */
async function viaRoutes(routes: FetchHandler, request: Request, target: string): Promise<Response> {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  const body = hasBody ? await request.arrayBuffer() : undefined;
  const inner = new Request(new URL(target, request.url), {
    method: request.method,
    headers: request.headers,
    ...(body && body.byteLength > 0 ? { body } : {}),
  });
  return routes(inner);
}
