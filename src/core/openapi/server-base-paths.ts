import { compilePathTemplate } from './path-template.ts';

/** A base path the spec's `servers` declare (`/api`, `/api/v2/cpo`) and the servers that declare it. */
export interface ServerBase {
  readonly basePath: string;
  readonly servers: readonly string[];
}

/** Where a request path was found: the operation's own path, possibly under one of the servers' base paths. */
export interface BaseMatch {
  /** The path without the base, as the spec's `paths` name it. */
  readonly path: string;
  /** The base path the request carried, with the servers that declare it; absent when it carried none. */
  readonly base?: ServerBase;
}

/**
 * The non-empty base paths of the spec's servers (OpenAPI 3.1 section 4.8.5: a path is appended to the server
 * URL), longest first so that `/api/v2/cpo` is tried before `/api`. Relative server URLs count too.
 */
export function serverBasePaths(doc: Record<string, unknown>): ServerBase[] {
  const servers = Array.isArray(doc.servers) ? (doc.servers as { url?: unknown }[]) : [];
  const byPath = new Map<string, string[]>();
  for (const { url } of servers) {
    if (typeof url !== 'string') continue;
    let pathname: string;
    try {
      pathname = new URL(url, 'http://relative.invalid').pathname.replace(/\/+$/, '');
    } catch {
      continue;
    }
    if (pathname === '') continue;
    byPath.set(pathname, [...(byPath.get(pathname) ?? []), url]);
  }
  return [...byPath.entries()]
    .map(([basePath, urls]) => ({ basePath, servers: urls }))
    .sort((a, b) => b.basePath.length - a.basePath.length);
}

/**
 * Finds a request path among the spec's paths: as it is, or else under one of the servers' base paths. A path
 * that matches neither way is returned as it is, for the comparator to report.
 */
export function matchServerPath(doc: Record<string, unknown>, requestPath: string): BaseMatch {
  const templates = Object.keys((doc.paths ?? {}) as Record<string, unknown>).map(compilePathTemplate);
  const known = (path: string) => templates.some((template) => template.match(path) !== undefined);
  if (known(requestPath)) return { path: requestPath };
  for (const base of serverBasePaths(doc)) {
    if (!requestPath.startsWith(`${base.basePath}/`)) continue;
    const rest = requestPath.slice(base.basePath.length);
    if (known(rest)) return { path: rest, base };
  }
  return { path: requestPath };
}
