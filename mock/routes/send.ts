import type { Context } from 'hono';
import type { Reply } from '../core/pipeline/reply.ts';

/** Sends a reply through Hono's context, so headers set earlier (CORS) are kept without copying a Response. */
export function send(c: Context, reply: Reply): Response {
  c.header('content-type', reply.contentType);
  if (reply.headers) for (const name in reply.headers) c.header(name, reply.headers[name]);
  return c.body(reply.body, reply.status as 200);
}
