import type { Spec } from '../node/load-spec.ts';

/** The spec's first eMabler server (`https://api.emabler.net/api` today): what an app's client is pointed at. */
export function defaultBaseUrl(spec: Spec): string {
  const servers = Array.isArray(spec.doc.servers) ? (spec.doc.servers as { url?: unknown }[]) : [];
  const urls = servers.map((server) => server.url).filter((url): url is string => typeof url === 'string');
  const emabler = urls.find((url) => /^https?:\/\/[^/]*emabler\./.test(url));
  const chosen = emabler ?? urls[0];
  if (chosen === undefined) throw new Error(`${spec.path}: no servers, so createMswHandlers needs a baseUrl`);
  return chosen;
}

/** `https://api.emabler.net/api/` and `https://api.emabler.net/api` are the same base. */
export function trimBase(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The request target (path and query) below the base: a slice when the URL starts with the base as written,
 * which MSW's own match makes the usual case; a parse only when it does not (another spelling of the origin).
 */
export function targetBelow(url: string, base: string, basePath: string): string {
  if (url.startsWith(base) && (url[base.length] === '/' || url[base.length] === '?'))
    return url.slice(base.length);
  const parsed = new URL(url);
  return `${parsed.pathname.slice(basePath.length)}${parsed.search}`;
}
