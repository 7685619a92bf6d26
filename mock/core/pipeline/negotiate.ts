import { problemJson } from '../../../src/core/openapi/media-types.ts';
import type { Spec } from '../../../src/core/openapi/spec.ts';
import type { Issue } from '../../../src/core/validation/types.ts';
import type { Preferences } from './prefer.ts';
import type { CheckResult } from './validate-request.ts';

/** What to answer, decided; `build-response.ts` turns it into bytes. */
export type Plan =
  | { kind: 'create' }
  | { kind: 'example'; status: number; mediaType: string; value: unknown }
  | { kind: 'error'; status: number; detail: string; issues: Issue[] }
  | { kind: 'undefined'; message: string };

/**
 * Chooses the response the way Prism does: a request that fails a check gets that check's error whatever it
 * prefers; a request that passes gets what `Prefer` asks for (a documented status, a named example, static or
 * dynamic data), or by default a newly created location.
 */
export function createNegotiator(
  spec: Spec,
): (check: CheckResult, prefer: Preferences, wantsProblem: boolean) => Plan {
  const { responses } = spec.operation;
  const examplesOf = (status: number, wantsProblem: boolean) => {
    const content = responses[status]?.content ?? {};
    const mediaType =
      (status >= 400 && wantsProblem && content[problemJson] ? problemJson : undefined) ??
      (status >= 400 && content['text/plain'] ? 'text/plain' : undefined) ??
      (content['application/json'] ? 'application/json' : undefined) ??
      Object.keys(content)[0];
    return { mediaType, examples: mediaType ? (content[mediaType]?.examples ?? {}) : {} };
  };
  const pick = (status: number, wantsProblem: boolean, name: string | undefined): Plan | undefined => {
    const { mediaType, examples } = examplesOf(status, wantsProblem);
    // Prism calls a media type's single `example` "default"; the spec loader calls it "example". Both work.
    const alias = name === 'default' && !Object.hasOwn(examples, 'default') ? 'example' : name;
    const key = alias ?? Object.keys(examples)[0];
    if (!mediaType || key === undefined || !Object.hasOwn(examples, key)) {
      if (name === undefined) return undefined;
      return {
        kind: 'undefined',
        message: `Response for contentType: ${mediaType ?? 'none'} and exampleKey: ${name} does not exist in openapi.yaml (examples: ${Object.keys(examples).join(', ') || 'none'}).`,
      };
    }
    return { kind: 'example', status, mediaType, value: examples[key] };
  };

  return (check, prefer, wantsProblem) => {
    if (!check.ok) return { kind: 'error', status: check.status, detail: check.detail, issues: check.issues };
    const status = prefer.code ?? 200;
    if (!responses[status]) {
      return {
        kind: 'undefined',
        message: `Requested status code ${status} is not defined in openapi.yaml.`,
      };
    }
    if (prefer.example !== undefined) return pick(status, wantsProblem, prefer.example) as Plan;
    if (status >= 400) {
      const detail = `Prefer: code=${status} asked for this response; the request itself passed every check.`;
      return { kind: 'error', status, detail, issues: check.issues };
    }
    if (prefer.dynamic === false || status !== 200)
      return pick(status, wantsProblem, undefined) ?? { kind: 'create' };
    return { kind: 'create' };
  };
}
