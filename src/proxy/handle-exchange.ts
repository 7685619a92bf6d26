import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Problems } from '../../mock/core/pipeline/problem.ts';
import type { ExchangeChecker } from '../core/exchange/check-exchange.ts';
import type { Exchange } from '../core/exchange/exchange.ts';
import type { ExchangeRedactor } from '../core/exchange/redact.ts';
import type { PactRecorder } from '../core/record/pact-recorder.ts';
import { type ExchangeLog, formatExchangeLine } from '../core/report/exchange-report.ts';
import type { Issue } from '../core/validation/types.ts';
import { decodedText } from './decode.ts';
import { hopByHop, type OutgoingRequest, type Upstream } from './forward.ts';

/** What one exchange is handled with. */
export interface ExchangeDeps {
  readonly checker: ExchangeChecker;
  readonly redactor: ExchangeRedactor;
  readonly problems: Problems;
  readonly forward: (request: OutgoingRequest) => Promise<Upstream>;
  readonly log: ExchangeLog;
  readonly enforce: boolean;
  readonly bodyLimit: number;
  readonly urlLimit: number;
  readonly writeLine?: (line: string) => void;
  readonly recorder?: PactRecorder;
}

/**
 * Handles one exchange: reads the request whole, checks it, forwards it (or, with `--enforce`, refuses a request
 * that breaks the spec with the mock's 400), checks a decoded copy of the answer, sends the answer's bytes and
 * headers as they came (`Set-Cookie` and every other repeated header included), then logs and records.
 */
export function createExchangeHandler(
  deps: ExchangeDeps,
): (req: IncomingMessage, res: ServerResponse) => void {
  const { checker, redactor, problems } = deps;
  return async (req, res) => {
    const started = performance.now();
    const target = req.url ?? '/';
    const method = req.method ?? 'GET';
    const path = target.split('?')[0] ?? '/';
    if (Buffer.byteLength(target) > deps.urlLimit) {
      req.resume();
      return send(
        res,
        problems.connection(414, `The request target is over the limit of ${deps.urlLimit} bytes.`),
      );
    }
    const body = await readWhole(req, deps.bodyLimit);
    if (!body) {
      const reply = problems.documented(
        413,
        false,
        `The body is over the limit of ${deps.bodyLimit} bytes.`,
        [],
        path,
      );
      return send(res, { ...reply, headers: { connection: 'close' } });
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const text = decodedText(body, headers['content-encoding']) ?? body.toString('utf8');
    const request = { method, target, headers, body: text };
    const check = checker.checkRequest(request);
    const secrets = check.secrets;
    const requestIssues = redactor.issues(check.issues, secrets);
    const q = target.indexOf('?');
    const query = q < 0 ? {} : { query: redactor.query(target.slice(q + 1)) };
    const finish = (status: number, responseIssues: Issue[], refused?: boolean) => {
      const record = {
        method,
        path: redactor.text(path, secrets),
        ...query,
        status,
        credentials: check.credentials,
        ms: Math.round((performance.now() - started) * 100) / 100,
        ...(refused ? { refused } : {}),
      };
      const violations = deps.log.add(record, requestIssues, redactor.issues(responseIssues, secrets));
      deps.writeLine?.(formatExchangeLine(record, violations));
    };
    if (deps.enforce && check.issues.length > 0) {
      const wantsProblem = headers.accept?.includes('application/problem+json') === true;
      const first = requestIssues[0] as Issue;
      const detail = `The proxy refused the request: ${first.instancePath || 'the request'} ${first.message}.`;
      send(res, problems.documented(400, wantsProblem, detail, requestIssues, path));
      return finish(400, [], true);
    }
    const answer = await deps.forward({ method, target, rawHeaders: req.rawHeaders, body });
    if (!answer.ok) {
      const status = answer.timedOut ? 504 : 502;
      const what = answer.timedOut ? 'timed out' : answer.tooLarge ? 'sent too much' : 'could not be reached';
      const message = `the upstream ${what}: ${answer.message}`;
      send(res, problems.connection(status, `${message[0]?.toUpperCase()}${message.slice(1)}.`));
      const code = answer.timedOut
        ? 'upstream-timeout'
        : answer.tooLarge
          ? 'upstream-too-large'
          : 'upstream-unreachable';
      return finish(status, [{ severity: 'error', code, instancePath: '', specPointer: '', message }]);
    }
    const outgoing: string[] = [];
    for (let i = 0; i < answer.rawHeaders.length; i += 2) {
      const name = answer.rawHeaders[i] as string;
      if (hopByHop.has(name.toLowerCase()) || name.toLowerCase() === 'content-length') continue;
      outgoing.push(name, answer.rawHeaders[i + 1] as string);
    }
    outgoing.push('content-length', String(answer.body.byteLength));
    res.writeHead(answer.status, outgoing);
    res.end(method === 'HEAD' ? undefined : answer.body);
    const contentType = answer.headers['content-type'];
    const encoding = answer.headers['content-encoding'];
    const response = {
      status: answer.status,
      contentType,
      body: decodedText(answer.body, encoding) ?? answer.body.toString('utf8'),
    };
    // A path that is not the operation's has no documented answers to hold this one to.
    const responseIssues = check.params ? checker.checkResponse(response) : [];
    finish(answer.status, responseIssues);
    if (deps.recorder && check.params) deps.recorder.record({ request, response } satisfies Exchange);
  };
}

function send(
  res: ServerResponse,
  reply: { status: number; contentType: string; body: string; headers?: Record<string, string> },
): void {
  res.writeHead(reply.status, {
    'content-type': reply.contentType,
    'content-length': Buffer.byteLength(reply.body),
    ...reply.headers,
  });
  res.end(reply.body);
}

/** The body's bytes, or `undefined` when it is over the limit (the rest is drained and the connection closed). */
function readWhole(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => done(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', () => done(undefined));
  });
}
