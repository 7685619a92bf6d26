import type { Issue } from '../validation/types.ts';
import type { ResponseValidator } from '../validation/validate-response.ts';
import type { ProbeCase } from './types.ts';

/** The stable ids of the probe's checks, as `--only` and `--skip` name them. */
export const checkIds = [
  'responds',
  'not_a_server_error',
  'status_code_conformance',
  'expected_status',
  'content_type_conformance',
  'response_schema_conformance',
  'response_time',
] as const;

/** One of the probe's checks. */
export type CheckId = (typeof checkIds)[number];

/** What each check holds a provider to, for help texts and reports. */
export const checkDescriptions: Readonly<Record<CheckId, string>> = {
  responds: 'the provider answers within --timeout',
  not_a_server_error: 'the status is not 5xx',
  status_code_conformance: 'the status is one the operation documents',
  expected_status: 'the status is the one the spec prescribes for the case',
  content_type_conformance: 'the Content-Type is one the status documents',
  response_schema_conformance: 'the body matches the schema of its status and media type',
  response_time: 'the answer takes no longer than --max-response-time',
};

/** The provider's answer to one case, as observed. */
export interface Observed {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
  readonly ms: number;
}

/** The verdict of one check on one answer. */
export interface CheckOutcome {
  readonly id: CheckId;
  readonly ok: boolean;
  /** Why it failed, in one line. */
  readonly message?: string;
  /** The response validator's issues behind a conformance failure. */
  readonly issues?: readonly Issue[];
}

/** Runs the checks, in the order of `checkIds`, on one answer; `enabled` leaves the others out. */
export function runChecks(
  responses: ResponseValidator,
  probeCase: ProbeCase,
  observed: Observed,
  maxResponseTimeMs: number,
  enabled: (id: CheckId) => boolean,
  strict = false,
): CheckOutcome[] {
  const issues = responses.validateResponse(observed);
  const ofKind = (test: (code: string) => boolean) => issues.filter((issue) => test(issue.code));
  const statusIssues = ofKind((code) => code === 'response-status');
  const typeIssues = ofKind((code) => code === 'response-content-type');
  const schemaIssues = ofKind((code) => code !== 'response-status' && code !== 'response-content-type');
  const { status } = observed;
  const outcomes: CheckOutcome[] = [{ id: 'responds', ok: true }];
  outcomes.push(
    status >= 500
      ? { id: 'not_a_server_error', ok: false, message: `the provider answered ${status}` }
      : { id: 'not_a_server_error', ok: true },
  );
  outcomes.push(conformance('status_code_conformance', statusIssues));
  const open = strict ? undefined : probeCase.open;
  outcomes.push(
    status === probeCase.expected || status === open?.status
      ? { id: 'expected_status', ok: true }
      : {
          id: 'expected_status',
          ok: false,
          message: `expected ${probeCase.expected}${open ? ` or ${open.status}` : ''}, got ${status}`,
        },
  );
  // A body is judged only under a documented status and media type: the earlier checks already failed otherwise.
  if (statusIssues.length === 0) {
    outcomes.push(conformance('content_type_conformance', typeIssues));
    if (typeIssues.length === 0)
      outcomes.push(
        conformance(
          'response_schema_conformance',
          schemaIssues,
          `the ${status} body breaks the schema of its media type`,
        ),
      );
  }
  outcomes.push(
    observed.ms <= maxResponseTimeMs
      ? { id: 'response_time', ok: true }
      : {
          id: 'response_time',
          ok: false,
          message: `the answer took ${Math.round(observed.ms)} ms, over ${maxResponseTimeMs} ms`,
        },
  );
  return outcomes.filter((outcome) => enabled(outcome.id));
}

function conformance(id: CheckId, issues: readonly Issue[], summary?: string): CheckOutcome {
  if (issues.length === 0) return { id, ok: true };
  return { id, ok: false, message: summary ?? issues.map((issue) => issue.message).join('; '), issues };
}
