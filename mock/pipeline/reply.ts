import type { Context } from 'hono';

/** A response as plain data: built by the pipeline, turned into a `Response` once, by `send`. */
export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export const textPlain = 'text/plain; charset=UTF-8';
export const applicationJson = 'application/json';
export const problemJson = 'application/problem+json';

/** Sends a reply through Hono's context, so headers set earlier (CORS) are kept without copying a Response. */
export function send(c: Context, reply: Reply): Response {
  c.header('content-type', reply.contentType);
  if (reply.headers) for (const name in reply.headers) c.header(name, reply.headers[name]);
  return c.body(reply.body, reply.status as 200);
}
