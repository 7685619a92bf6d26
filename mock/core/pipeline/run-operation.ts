import { problemJson } from '../../../src/core/openapi/media-types.ts';
import type { Issue } from '../../../src/core/validation/types.ts';
import type { createResponseBuilder } from './build-response.ts';
import type { createNegotiator } from './negotiate.ts';
import { parsePrefer } from './prefer.ts';
import type { Problems } from './problem.ts';
import type { BodyText } from './read-body.ts';
import type { Reply } from './reply.ts';
import { readQuery, type Target } from './route.ts';
import type { createRequestCheck } from './validate-request.ts';

/** One request, as any entrance (Hono, raw node:http, MSW) reads it off the wire. */
export interface OperationRequest {
  readonly method: string;
  /** The request target: the path with its query string (an absolute URL is fine too), as sent. */
  readonly url: string;
  header(name: string): string | undefined;
  readBody(limit: number): Promise<BodyText>;
}

/** What the operation answered: the reply, the validator's issues, and the id of a location it created. */
export interface OperationOutcome {
  readonly reply: Reply;
  readonly issues: readonly Issue[];
  readonly createdId?: string;
}

/** What the operation's pipeline is built from: its steps and the mock's limits. */
export interface OperationSteps {
  readonly check: ReturnType<typeof createRequestCheck>;
  readonly negotiate: ReturnType<typeof createNegotiator>;
  readonly build: ReturnType<typeof createResponseBuilder>;
  readonly problems: Problems;
  readonly bodyLimit: number;
  readonly delayMs: number;
}

/** Answers one request of the operation, its route already matched. */
export type OperationHandler = (
  request: OperationRequest,
  target: Target,
  params: Record<string, string>,
) => Promise<OperationOutcome>;

/**
 * The addLocation pipeline, free of any web framework: read the body, check (validate), negotiate, build the
 * response, wait the requested latency. Timing, the journal, the log and the 500 for a bug are the runner's
 * (run-request.ts), so every entrance gets them the same way.
 */
export function createOperationHandler(steps: OperationSteps): OperationHandler {
  const { check, negotiate, build, problems, bodyLimit } = steps;
  return async (request, target, params) => {
    const { path } = target;
    const wantsProblem = request.header('accept')?.includes(problemJson) === true;
    const prefer = parsePrefer(request.header('prefer'));
    let reply: Reply;
    let issues: readonly Issue[] = [];
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
      const query = readQuery(target.query);
      const result = check({ path: params, query, header: request.header, body: body.text });
      issues = result.issues;
      const plan = negotiate(result, prefer.value, wantsProblem);
      const excludeChargers = query.excludeChargers === 'true';
      const built = build({ plan, check: result, wantsProblem, excludeChargers, instance: path });
      reply = built.reply;
      createdId = built.createdId;
    }
    const delay = (prefer.ok ? prefer.value.delay : undefined) ?? steps.delayMs;
    if (delay > 0) await new Promise((done) => setTimeout(done, delay));
    return createdId ? { reply, issues, createdId } : { reply, issues };
  };
}
