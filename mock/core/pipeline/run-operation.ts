import type { Issue } from '../../../src/core/validation/types.ts';
import { isoNow } from '../state/clock.ts';
import type { Journal } from '../state/journal.ts';
import type { createResponseBuilder } from './build-response.ts';
import type { createNegotiator } from './negotiate.ts';
import { parsePrefer } from './prefer.ts';
import type { Problems } from './problem.ts';
import type { BodyText } from './read-body.ts';
import type { Reply } from './reply.ts';
import { type OperationRoute, pathOf, readQuery } from './route.ts';
import type { createRequestCheck } from './validate-request.ts';

/** One request, as any entrance (Hono, raw node:http, MSW) reads it off the wire. */
export interface OperationRequest {
  readonly method: string;
  /** The request target: the path with its query string (an absolute URL is fine too), as sent. */
  readonly url: string;
  header(name: string): string | undefined;
  readBody(limit: number): Promise<BodyText>;
}

/** One finished request; the path carries no query string, so no credential can reach the log. */
export interface LogRecord {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly ms: number;
  readonly issues: number;
}

/** Called once per finished request. */
export type RequestLogger = (record: LogRecord) => void;

/** The answer, and how many validator issues it carried (for the request log). */
export interface OperationResult {
  readonly reply: Reply;
  readonly issues: number;
}

/** What the operation handler is built from: the pipeline's steps and the mock's state. */
export interface OperationDeps {
  readonly check: ReturnType<typeof createRequestCheck>;
  readonly negotiate: ReturnType<typeof createNegotiator>;
  readonly build: ReturnType<typeof createResponseBuilder>;
  readonly problems: Problems;
  readonly journal: Journal;
  readonly bodyLimit: number;
  readonly delayMs: number;
  readonly route: OperationRoute;
  readonly log: RequestLogger | undefined;
  /** Where a bug's stack goes (one line per call); default `console.error`. */
  readonly reportBug?: (text: string) => void;
}

/** Runs a request through the pipeline when it is the operation's: `undefined` when the path is another's. */
export type OperationRunner = (request: OperationRequest) => Promise<OperationResult> | undefined;

/**
 * The one way into the addLocation pipeline, free of any web framework: match the route, read the body, check
 * (validate), negotiate, build the response, wait the requested latency, record the journal entry, log, and
 * answer 500 for a bug. Every entrance (Hono, the node:http fast path, MSW) calls it, so none can answer
 * differently.
 */
export function createOperationRunner(deps: OperationDeps): OperationRunner {
  const { route, problems, log } = deps;
  const reportBug = deps.reportBug ?? ((text: string) => console.error(text));
  const handle = createHandler(deps);
  return (request) => {
    const path = pathOf(request.url);
    const params = route.match(path);
    if (!params) return undefined;
    const started = performance.now();
    const answer =
      request.method === route.method
        ? handle(request, path, params).catch((error: Error) => {
            reportBug(`ocpi-location-kit mock: ${error.stack ?? error.message}`);
            return { reply: problems.internal(path), issues: 0 };
          })
        : Promise.resolve({
            reply: problems.methodNotAllowed(request.method, path, route.method),
            issues: 0,
          });
    if (!log) return answer;
    return answer.then((result) => {
      log({
        method: request.method,
        path,
        status: result.reply.status,
        ms: performance.now() - started,
        issues: result.issues,
      });
      return result;
    });
  };
}

function createHandler(
  deps: OperationDeps,
): (request: OperationRequest, path: string, params: Record<string, string>) => Promise<OperationResult> {
  const { check, negotiate, build, problems, journal, bodyLimit } = deps;
  return async (request, path, params) => {
    const started = performance.now();
    const { url } = request;
    const wantsProblem = request.header('accept')?.includes('application/problem+json') === true;
    const prefer = parsePrefer(request.header('prefer'));
    let reply: Reply;
    let issues: Issue[] = [];
    let createdId: string | undefined;
    const body = await request.readBody(bodyLimit);
    if (!prefer.ok) {
      reply = problems.preferInvalid(prefer.message, path);
    } else if (!body.ok && body.notUtf8) {
      reply = problems.documented(
        400,
        wantsProblem,
        'The body is not valid UTF-8 (RFC 8259 section 8.1).',
        [],
        path,
      );
    } else if (!body.ok) {
      const tooLarge = problems.documented(
        413,
        wantsProblem,
        `The body is over the mock's limit of ${bodyLimit} bytes.`,
        [],
        path,
      );
      // The rest of the body is not worth reading: the connection closes once the answer is out.
      reply = body.abandon
        ? { ...tooLarge, headers: { ...tooLarge.headers, connection: 'close' } }
        : tooLarge;
    } else {
      const query = readQuery(url);
      const result = check({ path: params, query, header: request.header, body: body.text });
      issues = result.issues;
      const plan = negotiate(result, prefer.value, wantsProblem);
      const excludeChargers = query.excludeChargers === 'true';
      const built = build({ plan, check: result, wantsProblem, excludeChargers, instance: path });
      reply = built.reply;
      createdId = built.createdId;
    }
    const delay = (prefer.ok ? prefer.value.delay : undefined) ?? deps.delayMs;
    if (delay > 0) await new Promise((done) => setTimeout(done, delay));
    const q = url.indexOf('?');
    journal.record({
      time: isoNow(),
      method: request.method,
      path,
      ...(q >= 0 ? { query: journal.redactQuery(url.slice(q + 1)) } : {}),
      status: reply.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      issues,
      ...(createdId ? { createdId } : {}),
    });
    return { reply, issues: issues.length };
  };
}
