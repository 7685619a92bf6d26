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

/** The path of a request target or an absolute URL, as sent: no query string, no decoding. */
export function pathOf(url: string): string {
  const scheme = url.indexOf('://');
  const start = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
  if (start < 0) return '/';
  const query = url.indexOf('?', start);
  return query < 0 ? url.slice(start) : url.slice(start, query);
}

/** The query string of a URL as a record; a repeated name becomes an array (the validator reports it). */
export function readQuery(url: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  const start = url.indexOf('?');
  if (start < 0) return query;
  for (const [name, value] of new URLSearchParams(url.slice(start + 1))) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}
