import type { CredentialKind } from '../exchange/exchange.ts';
import { operationId } from '../openapi/operation.ts';
import type { Issue } from '../validation/types.ts';

/** What the name of a recorded interaction is made of. */
export interface Outcome {
  readonly status: number;
  readonly credentials: CredentialKind;
  /** The request's errors by the spec; the first names a 400. */
  readonly issues: readonly Issue[];
  readonly query: Readonly<Record<string, string>>;
  readonly problemDetails: boolean;
}

/**
 * Names an interaction by operation and outcome (`addLocation: 200 for a valid location`), never by a request id,
 * so a name says what the consumer relies on and is the same in every run.
 */
export function describeOutcome(outcome: Outcome): string {
  const { status, credentials, issues } = outcome;
  const what =
    status === 200
      ? 'a valid location'
      : status === 400
        ? describeRefusal(issues[0])
        : status === 401
          ? credentials === 'none'
            ? 'a request without credentials'
            : credentials === 'v1'
              ? 'an unknown v1 function code'
              : 'an unknown API key'
          : status === 404
            ? 'an unknown integration'
            : `a request answered ${status}`;
  const notes: string[] = [];
  if (credentials === 'v1' && status !== 401) notes.push('v1 credentials');
  for (const [name, value] of Object.entries(outcome.query)) notes.push(`${name}=${value}`);
  if (outcome.problemDetails) notes.push('problem details');
  return `${operationId}: ${status} for ${what}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}

function describeRefusal(issue: Issue | undefined): string {
  if (!issue) return 'a location the provider refuses';
  if (issue.location === 'query') return `a query whose ${issue.instancePath.slice(1)} breaks ${issue.code}`;
  if (issue.instancePath === '') return `a body that breaks ${issue.code}`;
  return `a location whose ${issue.instancePath} breaks ${issue.code}`;
}
