import * as comparatorPackage from '@pactflow/openapi-pact-comparator';
import { ConfigError } from '../core/config-error.ts';
import { resolveRef } from '../core/openapi/resolve-ref.ts';
import type { ServerBase } from '../core/openapi/server-base-paths.ts';
import type { Spec } from '../core/openapi/spec.ts';
import { compareTextBodies } from './compare-text-bodies.ts';
import type { Finding } from './finding.ts';
import { withoutBasePaths } from './pact-base-paths.ts';
import { type PactDocument, type PactFile, type PactInteraction, statesOf } from './read-pacts.ts';
import { locateInSpec } from './spec-location.ts';

/** The comparison of one pact file with the spec. */
export interface PactComparison {
  readonly file: string;
  readonly consumer: string;
  readonly provider: string;
  /** The HTTP interactions compared (message interactions are not part of this API). */
  readonly interactions: PactInteraction[];
  /** By interaction: the server base path its request path carried (`/api`), when it carried one. */
  readonly bases: (ServerBase | undefined)[];
  readonly findings: Finding[];
}

/** One result of the comparator (its `Result` type, restated; see below). */
interface ComparatorResult {
  code: string;
  message: string;
  type: 'error' | 'warning';
  mockDetails?: { interactionDescription?: string | null; location: string; value: unknown };
  specDetails?: { location: string; pathMethod?: string | null; pathName?: string | null };
}

// 1.7.0 ships declarations with extensionless ESM re-exports that NodeNext resolution cannot follow, so the
// class is typed here from its README and `dist/src/compare/index.d.ts`.
const { Comparator } = comparatorPackage as unknown as {
  Comparator: new (
    oas: Record<string, unknown>,
  ) => { compare(pact: unknown): AsyncGenerator<ComparatorResult> };
};

const isHttp = (i: PactInteraction): boolean => !i.type || i.type.toLowerCase() === 'synchronous/http';

/**
 * Checks every HTTP interaction of every pact against the spec with @pactflow/openapi-pact-comparator, and the
 * text bodies it skips with compare-text-bodies.ts. A request path under one of the spec's server base paths
 * (`/api/integrations/...`) is compared as the operation's path: the comparator itself ignores `servers`.
 */
export async function comparePacts(spec: Spec, files: PactFile[]): Promise<PactComparison[]> {
  const comparator = new Comparator(comparableDocument(spec.doc));
  const results: PactComparison[] = [];
  for (const { path, pact: written } of files) {
    const { pact, matches } = withoutBasePaths(spec.doc, written);
    const http = pact.interactions.map(isHttp);
    const interactions = pact.interactions.filter(isHttp);
    const bases = matches.filter((_, index) => http[index]).map((match) => match?.base);
    const findings: Finding[] = [];
    try {
      for await (const result of comparator.compare(withAcceptFromResponse(pact))) {
        findings.push(toFinding(spec, interactions, result));
      }
    } catch (error) {
      throw new ConfigError(`${path}: the comparator cannot read this pact (${(error as Error).message})`);
    }
    findings.push(...compareTextBodies(spec, interactions));
    findings.sort((a, b) => a.interaction.index - b.interaction.index);
    results.push({
      file: path,
      consumer: pact.consumer?.name ?? '(unnamed consumer)',
      provider: pact.provider?.name ?? '(unnamed provider)',
      interactions,
      bases,
      findings,
    });
  }
  return results;
}

function toFinding(spec: Spec, interactions: PactInteraction[], result: ComparatorResult): Finding {
  const mockLocation = result.mockDetails?.location ?? '';
  const index = Number(/interactions\[(\d+)\]/.exec(mockLocation)?.[1] ?? -1);
  const interaction = interactions[index];
  const details = result.specDetails;
  return {
    severity: result.type,
    code: result.code,
    message: result.message,
    interaction: {
      index,
      description: interaction?.description ?? result.mockDetails?.interactionDescription ?? '(pact)',
      states: interaction ? statesOf(interaction) : [],
    },
    pactLocation: mockLocation.replace(/^\[root\]\.interactions\[\d+\]\.?/, '') || mockLocation,
    ...(result.mockDetails && 'value' in result.mockDetails ? { pactValue: result.mockDetails.value } : {}),
    spec: details
      ? locateInSpec(spec, details.location, details.pathName, details.pathMethod)
      : { pointer: '', line: 1 },
  };
}

/**
 * A copy of the spec in which each operation's `$ref` responses are inlined: openapi-pact-comparator 1.7.0
 * reads a response's content types before resolving its `$ref`, so a referenced text/plain response would be
 * judged as JSON. Nothing else changes.
 */
function comparableDocument(doc: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(doc);
  for (const pathItem of Object.values((copy.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const operation of Object.values(pathItem)) {
      const responses = (operation as { responses?: Record<string, unknown> } | null)?.responses;
      if (!responses || typeof responses !== 'object') continue;
      for (const [status, response] of Object.entries(responses)) {
        const { node } = resolveRef(copy, response, '');
        if (node && node !== response) responses[status] = node;
      }
    }
  }
  return copy;
}

type Headers = Record<string, string | string[]>;
const headerOf = (headers: Headers | undefined, name: string): string | undefined => {
  const found = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
  return Array.isArray(found?.[1]) ? found[1].join(', ') : found?.[1];
};

/**
 * The comparator picks the response media type from the request's Accept header and assumes JSON when there is
 * none. A request without Accept takes any type (RFC 9110 section 12.5.1), so for such interactions the
 * response's own content type is used as the Accept of the comparison. The pact file itself is not changed.
 */
function withAcceptFromResponse(pact: PactDocument): PactDocument {
  const interactions = pact.interactions.map((interaction) => {
    const request = interaction.request as { headers?: Headers } | undefined;
    const response = interaction.response as
      | { headers?: Headers; body?: { contentType?: unknown } }
      | undefined;
    if (!request || headerOf(request.headers, 'accept') !== undefined) return interaction;
    const v4Type = typeof response?.body?.contentType === 'string' ? response.body.contentType : undefined;
    const type = headerOf(response?.headers, 'content-type') ?? v4Type;
    if (!type || type === '*/*') return interaction;
    // Keep the pact's header shape (V3+ lists, V2 strings): the comparator refuses a mix.
    const arrays = Object.values(request.headers ?? {}).some(Array.isArray);
    const headers = { ...request.headers, Accept: arrays ? [type] : type };
    return { ...interaction, request: { ...request, headers } };
  });
  return { ...pact, interactions };
}
