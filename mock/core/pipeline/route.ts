import { compilePathTemplate, type PathTemplate } from '../../../src/core/openapi/path-template.ts';
import type { Spec } from '../../../src/core/openapi/spec.ts';

/** Where the operation lives: its method and its compiled path template. */
export interface OperationRoute extends PathTemplate {
  readonly method: string;
}

/** Derives the route from the spec, so a changed path template changes the mock with no code change. */
export function deriveRoute(spec: Spec): OperationRoute {
  return { method: spec.operation.method, ...compilePathTemplate(spec.operation.pathTemplate) };
}

/** A request target split once: the path as sent (no decoding) and the query string after `?`, if any. */
export interface Target {
  readonly path: string;
  readonly query: string | undefined;
}

/** Splits a request target or an absolute URL into its path and query string: the one place a URL is read. */
export function splitTarget(url: string): Target {
  const scheme = url.indexOf('://');
  const start = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
  if (start < 0) return { path: '/', query: undefined };
  const query = url.indexOf('?', start);
  return query < 0
    ? { path: url.slice(start), query: undefined }
    : { path: url.slice(start, query), query: url.slice(query + 1) };
}

/** A query string as a record; a repeated name becomes an array (the validator reports it). */
export function readQuery(queryString: string | undefined): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  if (queryString === undefined) return query;
  for (const [name, value] of new URLSearchParams(queryString)) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}
