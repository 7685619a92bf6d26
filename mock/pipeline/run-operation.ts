import type { Issue } from '../../src/validation/types.ts';
import { isoNow } from '../state/clock.ts';
import type { Journal } from '../state/journal.ts';
import type { createResponseBuilder } from './build-response.ts';
import type { createNegotiator } from './negotiate.ts';
import { parsePrefer } from './prefer.ts';
import type { Problems } from './problem.ts';
import type { BodyText } from './read-body.ts';
import type { Reply } from './reply.ts';
import { readQuery } from './route.ts';
import type { createRequestCheck } from './validate-request.ts';

/** One request to the operation, as any server adapter (Hono, raw node:http) reads it off the wire. */
export interface OperationRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  /** The request target: the path with its query string (an absolute URL is fine too). */
  readonly url: string;
  readonly params: Readonly<Record<string, string>>;
  header(name: string): string | undefined;
  readBody(limit: number): Promise<BodyText>;
}

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
}

/**
 * The addLocation pipeline, free of any web framework: read the body, check (route → validate), negotiate,
 * build the response, wait the requested latency, record the journal entry. Hono's route and the node:http
 * fast path both call it, so the two can never answer differently.
 */
export function createOperationHandler(
  deps: OperationDeps,
): (request: OperationRequest) => Promise<OperationResult> {
  const { check, negotiate, build, problems, journal, bodyLimit } = deps;
  return async (request) => {
    const started = performance.now();
    const { path, url } = request;
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
      const result = check({ path: request.params, query, header: request.header, body: body.text });
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
