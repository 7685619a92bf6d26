import { problemJson, textPlain } from '../../../src/core/openapi/media-types.ts';
import type { Spec } from '../../../src/core/openapi/spec.ts';
import type { Issue } from '../../../src/core/validation/types.ts';
import { adminPrefix } from '../../../src/generated/admin-facts.ts';
import type { Reply } from './reply.ts';

/** Every error the mock can answer with; all HTTP error shapes live here. */
export interface Problems {
  /**
   * A documented error of the operation. By default eMabler's `text/plain` sentence, exactly as openapi.yaml
   * documents it; an RFC 9457 problem with the issues when the client asked for `application/problem+json`.
   */
  documented(status: number, wantsProblem: boolean, detail: string, issues: Issue[], instance: string): Reply;
  /**
   * A problem document for an answer given before a request could be read or routed (408, 414, 431, not
   * HTTP): titled from the spec where it documents the status, with no `instance`.
   */
  connection(status: number, detail: string): Reply;
  /** 404 for a path the mock does not serve; worded so it is never mistaken for "Customer not found". */
  routeNotFound(method: string, path: string): Reply;
  /** 405 with `Allow` (RFC 9110 section 15.5.6). */
  methodNotAllowed(method: string, path: string, allow: string): Reply;
  /** 400 for a `Prefer` header the mock cannot read. */
  preferInvalid(message: string, instance: string): Reply;
  /** 404 for a `Prefer` that names a status or example the spec does not define (as Prism answers). */
  preferUndefined(message: string, instance: string): Reply;
  /** 401 for a `/__mock` route without the admin token (RFC 6750 section 3). */
  adminUnauthorised(sent: boolean, instance: string): Reply;
  /** 400 for a bad request to the `/__mock` admin routes. */
  adminInvalid(message: string, instance: string): Reply;
  /** 500 for a bug in the mock; the stack goes to the log, not to the client. */
  internal(instance: string): Reply;
}

interface Documented {
  readonly title: string;
  readonly type: string;
  readonly sentence: Reply | undefined;
}

/** Derives the error replies from the spec's responses once, at start-up. */
export function createProblems(spec: Spec): Problems {
  const contact = (spec.doc.info as { contact?: { url?: string } } | undefined)?.contact?.url;
  const typeOf = (slug: string) => (contact ? `${contact}#${slug}` : 'about:blank');
  const documented = new Map<number, Documented>();
  for (const response of Object.values(spec.operation.responses)) {
    if (response.status < 400) continue;
    const plain = response.content['text/plain'];
    const text = plain ? Object.values(plain.examples).find((v) => typeof v === 'string') : undefined;
    const example = response.content[problemJson]?.examples;
    const exampleType = example && (Object.values(example)[0] as { type?: string } | undefined)?.type;
    const title = text ?? response.description.split('\n')[0] ?? String(response.status);
    documented.set(response.status, {
      title,
      type: exampleType ?? typeOf(slugOf(title)),
      sentence:
        text === undefined ? undefined : { status: response.status, contentType: textPlain, body: text },
    });
  }

  const problem = (
    status: number,
    type: string,
    title: string,
    detail: string,
    instance: string,
    extra?: object,
  ) => ({
    status,
    contentType: problemJson,
    body: JSON.stringify({ type, title, status, detail, instance, ...extra }),
  });

  return {
    documented(status, wantsProblem, detail, issues, instance) {
      const known = documented.get(status);
      if (!known) return problem(status, typeOf(`status-${status}`), `HTTP ${status}`, detail, instance);
      if (!wantsProblem && known.sentence) return known.sentence;
      return problem(
        status,
        known.type,
        known.title,
        detail,
        instance,
        issues.length ? { issues } : undefined,
      );
    },
    connection(status, detail) {
      const known = documented.get(status);
      const body = {
        type: known?.type ?? typeOf(`status-${status}`),
        title: known?.title ?? `HTTP ${status}`,
        status,
        detail,
      };
      return { status, contentType: problemJson, body: JSON.stringify(body) };
    },
    routeNotFound: (method, path) =>
      problem(
        404,
        typeOf('no-such-route'),
        'No such route',
        `The mock has no route for ${method} ${path}. The API is ${spec.operation.method} ${spec.operation.pathTemplate}; the mock's own routes are ${adminPrefix}/*, /docs, /openapi.yaml and /openapi.json.`,
        path,
      ),
    methodNotAllowed: (method, path, allow) => ({
      ...problem(
        405,
        typeOf('method-not-allowed'),
        'Method not allowed',
        `${path} does not take ${method}; use ${allow}.`,
        path,
      ),
      headers: { allow },
    }),
    preferInvalid: (message, instance) =>
      problem(400, typeOf('bad-prefer'), 'Invalid Prefer header', message, instance),
    preferUndefined: (message, instance) =>
      problem(404, typeOf('prefer-not-in-spec'), 'Not in the spec', message, instance),
    adminInvalid: (message, instance) =>
      problem(400, typeOf('bad-admin-request'), 'Bad admin request', message, instance),
    adminUnauthorised: (sent, instance) => ({
      ...problem(
        401,
        typeOf('admin-token'),
        'Admin token required',
        sent
          ? 'The bearer token is not the admin token of this mock.'
          : 'This mock listens beyond loopback: its /__mock routes need Authorization: Bearer <admin token> (printed at start-up, or set with --admin-token).',
        instance,
      ),
      headers: {
        'www-authenticate': `Bearer realm="ocpi-location-kit mock"${sent ? ', error="invalid_token"' : ''}`,
      },
    }),
    internal: (instance) =>
      problem(
        500,
        typeOf('mock-bug'),
        'Mock error',
        'The mock failed on this request; see its log.',
        instance,
      ),
  };
}

const slugOf = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
