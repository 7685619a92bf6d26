import type { Spec } from './spec.ts';

/**
 * The query string (no `?`) with the values of the spec's query credentials (eMabler v1's `code` and `clientId`)
 * replaced by `***`, for a journal or a report that keeps what a client sent.
 */
export function createQueryRedactor(spec: Spec): (query: string) => string {
  const credentials = new Set(
    spec.operation.security
      .flat()
      .filter((credential) => credential.in === 'query')
      .map((credential) => credential.name),
  );
  return (query) => {
    const out = new URLSearchParams();
    for (const [name, value] of new URLSearchParams(query))
      out.append(name, credentials.has(name) ? '***' : value);
    return out.toString().replaceAll('%2A', '*');
  };
}
