import type { Spec } from '../../src/openapi/load-spec.ts';

/** Where the operation lives, in the spec's terms and in Hono's. */
export interface OperationRoute {
  readonly method: string;
  readonly pathTemplate: string;
  /** `/integrations/{integrationId}/locations` becomes `/integrations/:integrationId/locations`. */
  readonly honoPath: string;
  readonly pathParameters: readonly string[];
}

/** Derives the route from the spec, so a changed path template changes the mock with no code change. */
export function deriveRoute(spec: Spec): OperationRoute {
  const { method, pathTemplate } = spec.operation;
  const pathParameters = [...pathTemplate.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
  return {
    method,
    pathTemplate,
    honoPath: pathTemplate.replace(/\{([^}]+)\}/g, ':$1'),
    pathParameters,
  };
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
