import { readQuery, splitTarget } from '../../../mock/core/pipeline/route.ts';
import type { Credential } from '../openapi/operation.ts';
import { compilePathTemplate } from '../openapi/path-template.ts';
import { joinPointer } from '../openapi/pointer.ts';
import type { Spec } from '../openapi/spec.ts';
import type { Issue } from '../validation/types.ts';
import { createResponseValidator } from '../validation/validate-response.ts';
import { createValidator, type Validator } from '../validation/validator.ts';
import type { CredentialKind, ExchangeRequest, ExchangeResponse } from './exchange.ts';

/** What the spec says of one request: the operation's path parameters, the credentials it carried, its errors. */
export interface RequestCheck {
  /** The path parameters when the path is the operation's; undefined for any other path. */
  readonly params: Readonly<Record<string, string>> | undefined;
  readonly query: Readonly<Record<string, string | string[]>>;
  readonly credentials: CredentialKind;
  /** The first of the spec's credential alternatives the request carried in full. */
  readonly alternative: readonly Credential[] | undefined;
  /** The values of the credentials sent, so reports and pacts can leave them out. */
  readonly secrets: readonly string[];
  /** Errors only: what makes the request one the spec refuses. */
  readonly issues: Issue[];
}

/** Checks both directions of an exchange with the validators `validate` and the mock use. */
export interface ExchangeChecker {
  readonly spec: Spec;
  checkRequest(request: ExchangeRequest): RequestCheck;
  /** The issues of an answer: undocumented status or media type, a body that breaks its schema. */
  checkResponse(response: ExchangeResponse): Issue[];
}

const jsonType = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Builds the checker of a spec once; every exchange then costs one validation per direction. */
export function createExchangeChecker(
  spec: Spec,
  validator: Validator = createValidator(spec),
): ExchangeChecker {
  const { operation } = spec;
  const route = compilePathTemplate(operation.pathTemplate);
  const responses = createResponseValidator(spec);
  const contentPointer = joinPointer(operation.pointer, 'requestBody', 'content');
  const error = (code: string, specPointer: string, message: string, location: Issue['location']): Issue => ({
    severity: 'error',
    code,
    instancePath: '',
    specPointer,
    message,
    ...(location ? { location } : {}),
  });

  const credentialsOf = (request: ExchangeRequest, query: Record<string, string | string[]>) => {
    const read = (c: { in: string; name: string }) => {
      const value = c.in === 'header' ? request.headers[c.name.toLowerCase()] : query[c.name];
      return Array.isArray(value) ? value[0] : value;
    };
    const secrets: string[] = [];
    let kind: CredentialKind = 'none';
    let first: readonly Credential[] | undefined;
    for (const alternative of operation.security) {
      const values = alternative.map(read);
      if (values.some((value) => value === undefined || value === '')) continue;
      secrets.push(...(values as string[]));
      first ??= alternative;
      if (kind === 'none') kind = alternative.length === 1 ? 'api-key' : 'v1';
    }
    return { kind, secrets, alternative: first };
  };

  const checkBody = (request: ExchangeRequest): Issue[] => {
    if (request.body.trim() === '') {
      return operation.bodyRequired
        ? [
            error(
              'required',
              joinPointer(operation.pointer, 'requestBody', 'required'),
              'the request body is required',
              'body',
            ),
          ]
        : [];
    }
    const type = request.headers['content-type'];
    if (type !== undefined && !jsonType.test(type))
      return [error('media-type', contentPointer, `the body must be application/json; got ${type}`, 'body')];
    const parsed = validator.parseBody(request.body);
    if (!parsed.ok) {
      const { line: _line, column: _column, ...issue } = parsed.issue;
      return [issue];
    }
    return validator.validateBody(parsed.value).issues.filter((issue) => issue.severity === 'error');
  };

  return {
    spec,
    checkRequest(request) {
      const target = splitTarget(request.target);
      const path = target.path;
      const query = readQuery(target.query);
      const params = route.match(path);
      const { kind, secrets, alternative } = credentialsOf(request, query);
      if (!params) {
        const message = `${path} is not a path of openapi.yaml (${operation.method} ${operation.pathTemplate})`;
        return {
          params,
          query,
          credentials: kind,
          alternative,
          secrets,
          issues: [error('unknown-path', '/paths', message, 'path')],
        };
      }
      if (request.method.toUpperCase() !== operation.method) {
        const message = `${operation.pathTemplate} takes ${operation.method}, not ${request.method}`;
        return {
          params,
          query,
          credentials: kind,
          alternative,
          secrets,
          issues: [error('method', operation.pointer, message, 'path')],
        };
      }
      const issues = [...validator.validateInputs({ path: params, query }), ...checkBody(request)];
      return { params, query, credentials: kind, alternative, secrets, issues };
    },
    checkResponse: (response) => responses.validateResponse(response),
  };
}
