import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { MockApp, MockBindings } from '../app.ts';
import type { Problems } from '../core/pipeline/problem.ts';
import type { Reply } from '../core/pipeline/reply.ts';
import { defaultLimits } from './limits.ts';
import { readIncoming } from './read-incoming.ts';

/** A node:http request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The mock as a node:http listener. Requests from non-browser clients (no `Origin`, so no CORS to apply) go
 * straight to the operation's runner; what it does not take, and every browser request, goes through Hono.
 * Building a web `Request`/`Response` pair costs more than the whole pipeline, and the operation is what load,
 * CI and contract tests hit; both paths call the same runner, so they answer alike, and only the runner times,
 * logs and journals.
 */
export function createNodeListener(mock: MockApp, urlLimit: number = defaultLimits.urlLimit): NodeListener {
  const { run, problems } = mock.operation;
  const hono = getRequestListener((request, env) => {
    const incoming = env.incoming as IncomingMessage;
    const bindings: MockBindings = { readBody: (limit) => readIncoming(incoming, limit) };
    return mock.app.fetch(request, bindings);
  });
  return (req, res) => {
    const url = req.url ?? '/';
    if (url.length > urlLimit) return write(res, tooLong(problems, urlLimit));
    if (req.headers.origin !== undefined) return hono(req, res);
    const request = {
      method: req.method ?? 'GET',
      url,
      header: (name: string) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      },
      readBody: (limit: number) => readIncoming(req, limit),
    };
    if (!run(request, { reply: (reply) => write(res, reply) })) hono(req, res);
  };
}

/** 414 (RFC 9110 section 15.5.15); the target is not echoed, it may be long and carry credentials. */
function tooLong(problems: Problems, urlLimit: number): Reply {
  return problems.connection(414, `The request target is over the mock's limit of ${urlLimit} bytes.`);
}

function write(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  const headers: Record<string, string | number> = {
    'content-type': reply.contentType,
    'content-length': Buffer.byteLength(reply.body),
  };
  if (reply.headers) Object.assign(headers, reply.headers);
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}
