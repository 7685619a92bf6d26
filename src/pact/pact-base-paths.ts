import { type BaseMatch, matchServerPath } from '../core/openapi/server-base-paths.ts';
import type { PactDocument } from './read-pacts.ts';

/** A pact whose request paths no longer carry a server base path, and where each interaction was found. */
export interface BaseFreePact {
  readonly pact: PactDocument;
  /** By interaction index: the match of its request path (with the base path it carried, if any). */
  readonly matches: (BaseMatch | undefined)[];
  /** Whether any path changed. */
  readonly changed: boolean;
}

/**
 * A copy of the pact in which each request path written against one of the spec's servers
 * (`https://api.emabler.net/api` gives `/api/integrations/...`, as pact-msw-adapter or a Pact test pointed at
 * eMabler records it) is the operation's own path. The comparator and the verifier then see the path the spec
 * names; the pact file itself is not changed.
 */
export function withoutBasePaths(doc: Record<string, unknown>, pact: PactDocument): BaseFreePact {
  const matches: (BaseMatch | undefined)[] = [];
  let changed = false;
  const interactions = pact.interactions.map((interaction) => {
    const request = interaction.request as { path?: unknown } | undefined;
    if (!request || typeof request.path !== 'string') {
      matches.push(undefined);
      return interaction;
    }
    const match = matchServerPath(doc, request.path);
    matches.push(match);
    if (!match.base) return interaction;
    changed = true;
    return { ...interaction, request: { ...request, path: match.path } };
  });
  return { pact: { ...pact, interactions }, matches, changed };
}
