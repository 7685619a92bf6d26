import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { MockApp } from '../app.ts';
import type { Problems } from '../pipeline/problem.ts';
import { readIncoming } from '../pipeline/read-body.ts';
import type { Reply } from '../pipeline/reply.ts';
import { defaultLimits } from './limits.ts';
import { writeError } from './output.ts';

/** A node:http request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The mock as a node:http listener. Requests to the operation from non-browser clients (no `Origin`, so no CORS
 * to apply) go straight to the framework-free pipeline of `operation.ts`; everything else goes through Hono.
 * Building a web `Request`/`Response` pair costs more than the whole pipeline, and the operation's route is
 * the one that load, CI and contract tests hit; both paths call the same handler, so they answer alike.
 */
export function createNodeListener(mock: MockApp, urlLimit: number = defaultLimits.urlLimit): NodeListener {
  const hono = getRequestListener(mock.app.fetch);
  const { route, handle, log, problems } = mock.operation;
  const names = route.pathParameters;
  const pattern = new RegExp(
    `^${route.pathTemplate.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`,
  );
  return (req, res) => {
    const url = req.url ?? '/';
    if (url.length > urlLimit) return write(res, tooLong(problems, urlLimit));
    if (req.method !== route.method || req.headers.origin !== undefined) return hono(req, res);
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const match = pattern.exec(path);
    const params = match ? decodeParams(names, match) : undefined;
    if (!params) return hono(req, res);
    const started = log ? performance.now() : 0;
    handle({
      method: route.method,
      path,
      url,
      params,
      header: (name) => {
        const value = req.headers[name];
        return Array.isArray(value) ? value.join(', ') : value;
      },
      readBody: (limit) => readIncoming(req, limit),
    }).then(
      (result) => {
        write(res, result.reply);
        log?.({
          method: route.method,
          path,
          status: result.reply.status,
          ms: performance.now() - started,
          issues: result.issues,
        });
      },
      (error: Error) => {
        writeError(`ocpi-location-kit mock: ${error.stack ?? error.message}\n`);
        write(res, problems.internal(path));
      },
    );
  };
}

/** Decodes the path parameters as Hono does; a malformed percent-encoding is left to Hono's answer. */
function decodeParams(names: readonly string[], match: RegExpExecArray): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < names.length; i++) {
    const raw = match[i + 1] ?? '';
    try {
      params[names[i] as string] = raw.includes('%') ? decodeURIComponent(raw) : raw;
    } catch {
      return undefined;
    }
  }
  return params;
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
