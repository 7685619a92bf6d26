import { operationId } from '../../../src/core/openapi/operation.ts';
import { joinPointer } from '../../../src/core/openapi/pointer.ts';
import { createIssue } from '../../../src/core/validation/issue.ts';
import type { EnumForm, Issue } from '../../../src/core/validation/types.ts';
import type { Validator } from '../../../src/core/validation/validator.ts';
import type { Customer, Store } from '../state/store.ts';
import { createAuthenticator } from './credentials.ts';
import { pipelineLimits } from './limits.ts';
import type { OperationRoute } from './route.ts';

/** What the checks need from a request, already read off the wire. */
export interface RequestFacts {
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | string[]>>;
  header(name: string): string | undefined;
  readonly body: string;
}

export type CheckResult =
  | {
      ok: true;
      customer: Customer;
      integrationId: string;
      body: unknown;
      /** Warnings and infos: the request passed, but the validator has advice. */
      issues: Issue[];
      enumForm: EnumForm;
    }
  | { ok: false; status: 400 | 401 | 404; detail: string; issues: Issue[] };

const jsonType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Builds the request check, in the order openapi.yaml documents: credentials (401), the integration (404, also
 * when it is another customer's: decision 4), the query (400), the body (400). The first failure answers.
 */
export function createRequestCheck(
  validator: Validator,
  store: Store,
  route: OperationRoute,
  strict: boolean,
  maxDepth: number = pipelineLimits.maxDepth,
): (facts: RequestFacts) => CheckResult {
  const { spec } = validator;
  const authenticate = createAuthenticator(spec, store);
  const integrationParam = route.names[0] ?? 'integrationId';
  const integrationPointer =
    spec.operation.parameters.find((p) => p.in === 'path' && p.name === integrationParam)?.schemaPointer ??
    '';
  const contentPointer = joinPointer(spec.operation.pointer, 'requestBody', 'content');
  const requiredPointer = joinPointer(spec.operation.pointer, 'requestBody', 'required');

  return (facts) => {
    const auth = authenticate((credential) => {
      if (credential.in === 'header') return facts.header(credential.name);
      const value = facts.query[credential.name];
      return Array.isArray(value) ? value[0] : value;
    });
    if (!auth.ok) return { ok: false, status: auth.status, detail: auth.detail, issues: [auth.issue] };

    const integrationId = facts.path[integrationParam] ?? '';
    if (!auth.customer.integrations.has(integrationId)) {
      return {
        ok: false,
        status: 404,
        detail: 'The integration is not known for this customer.',
        issues: [
          createIssue({
            code: 'unknown-integration',
            instancePath: `/${integrationParam}`,
            specPointer: integrationPointer,
            message: `integration ${JSON.stringify(integrationId)} is not one of this customer's integrations`,
            location: 'path',
          }),
        ],
      };
    }

    const inputIssues = validator.validateInputs({ path: facts.path, query: facts.query });
    if (inputIssues.length > 0) {
      const first = inputIssues[0] as Issue;
      return { ok: false, status: 400, detail: `${capitalise(first.message)}.`, issues: inputIssues };
    }

    let body: unknown;
    if (facts.body.trim() === '') {
      if (spec.operation.bodyRequired) {
        const issue = bodyIssue('required', requiredPointer, 'the request body is required');
        return { ok: false, status: 400, detail: 'The request has no body.', issues: [issue] };
      }
    } else {
      const type = facts.header('content-type');
      if (type !== undefined && !jsonType.test(type)) {
        const issue = bodyIssue(
          'media-type',
          contentPointer,
          `the body must be application/json; got ${type}`,
        );
        return { ok: false, status: 400, detail: 'The body is not JSON.', issues: [issue] };
      }
      const parsed = validator.parseBody(facts.body, { maxDepth });
      if (!parsed.ok) {
        // The line and column are for a person reading a file report; the answer's issues follow the spec's Issue.
        const { line: _line, column: _column, ...issue } = parsed.issue;
        const detail =
          issue.code === 'malformed-json' || issue.code === 'empty-body'
            ? 'The body is not valid JSON.'
            : `The body is JSON the mock refuses: ${issue.message}.`;
        return { ok: false, status: 400, detail, issues: [issue] };
      }
      body = parsed.value;
    }

    const result = validator.validateBody(body === undefined ? {} : body, { strict });
    if (!result.ok) {
      const errors = `${result.errors} error${result.errors === 1 ? '' : 's'}`;
      const detail = `The body breaks the schema of ${operationId} (${errors}).`;
      return { ok: false, status: 400, detail, issues: result.issues };
    }
    return {
      ok: true,
      customer: auth.customer,
      integrationId,
      body,
      issues: result.issues,
      enumForm: result.enumForm,
    };
  };
}

function bodyIssue(code: string, specPointer: string, message: string): Issue {
  return createIssue({ code, specPointer, message, location: 'body' });
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
