import { adminPrefix } from '../../../src/generated/admin-facts.ts';
import { isoNow } from '../state/clock.ts';
import type { Journal } from '../state/journal.ts';
import type { Problems } from './problem.ts';
import type { Reply } from './reply.ts';
import { type OperationRoute, splitTarget, type Target } from './route.ts';
import type { OperationHandler, OperationOutcome, OperationRequest } from './run-operation.ts';

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

/** What an adapter's own routes answered, in the adapter's terms, with its status. */
export interface RoutedAnswer<T> {
  readonly value: T;
  readonly status: number;
}

/** How an entrance carries a request through the runner and the runner's answer back. */
export interface Exchange<T> {
  /** Writes a reply of the runner (the operation's, the 404 of no route, the 500 of a bug) in the adapter's terms. */
  reply(reply: Reply): T;
  /**
   * The adapter's other routes (CORS preflight, `/__mock`, docs, pages); `undefined` from it: no route took the
   * request. Without it, the runner takes only the operation's requests and leaves the rest to the adapter.
   */
  other?(): Promise<RoutedAnswer<T> | undefined>;
  /** The adapter answers CORS preflights itself, on the operation's path too (its CORS is on). */
  readonly preflights?: boolean;
  /** The path as the adapter's router reads it, for the requests its routes answer; default the path as sent. */
  readonly routedPath?: string;
}

/** Runs a request; `undefined` when it is not the operation's and the exchange has no other routes. */
export type RequestRunner = <T>(request: OperationRequest, exchange: Exchange<T>) => Promise<T> | undefined;

/** What the runner needs besides the operation's pipeline. */
export interface RunnerDeps {
  readonly route: OperationRoute;
  readonly handle: OperationHandler;
  readonly problems: Problems;
  readonly journal: Journal;
  readonly log: RequestLogger | undefined;
  /** Where a bug's stack goes (one line per call); default `console.error`. */
  readonly reportBug?: (text: string) => void;
}

/**
 * The one way into the mock: reads the request target once, runs the operation's pipeline or hands the request
 * to the adapter's other routes, and is the only place that times, journals, logs and turns a bug into a 500.
 * Every entrance (Hono, the node:http fast path, MSW, `mock.fetch`) calls it, so none can answer differently.
 */
export function createRequestRunner(deps: RunnerDeps): RequestRunner {
  const { route, handle, problems, journal, log } = deps;
  const reportBug = deps.reportBug ?? ((text: string) => console.error(text));
  const bug = (error: unknown) => {
    const { stack, message } = error instanceof Error ? error : new Error(String(error));
    reportBug(`ocpi-location-kit mock: ${stack ?? message}`);
  };
  const finish = (method: string, path: string, status: number, started: number, issues: number) =>
    log?.({ method, path, status, ms: performance.now() - started, issues });

  // One async step for the operation (no promise chain): it is every entrance's hot path.
  const operation = async <T>(
    request: OperationRequest,
    exchange: Exchange<T>,
    target: Target,
    params: Record<string, string>,
  ): Promise<T> => {
    const started = performance.now();
    const { method } = request;
    let outcome: OperationOutcome;
    if (method !== route.method) {
      outcome = { reply: problems.methodNotAllowed(method, target.path, route.method), issues: [] };
    } else {
      try {
        outcome = await handle(request, target, params);
      } catch (error) {
        bug(error);
        outcome = { reply: problems.internal(target.path), issues: [] };
      }
    }
    const { reply, issues, createdId } = outcome;
    journal.record({
      time: isoNow(),
      method,
      path: target.path,
      ...(target.query !== undefined ? { query: journal.redactQuery(target.query) } : {}),
      status: reply.status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      issues,
      ...(createdId ? { createdId } : {}),
    });
    finish(method, target.path, reply.status, started, issues.length);
    return exchange.reply(reply);
  };

  return <T>(request: OperationRequest, exchange: Exchange<T>): Promise<T> | undefined => {
    const target = splitTarget(request.url);
    const params = route.match(target.path);
    const method = request.method;
    if (params && !(exchange.preflights && isPreflight(request))) {
      return operation(request, exchange, target, params);
    }
    const { other } = exchange;
    if (!other) return undefined;
    const started = performance.now();
    const path = exchange.routedPath ?? target.path;
    const answered = (value: T, status: number) => {
      finish(method, path, status, started, 0);
      return value;
    };
    return other().then(
      (routed) => {
        if (routed) return answered(routed.value, routed.status);
        if (!path.startsWith(adminPrefix)) {
          journal.record({ time: isoNow(), method, path, status: 404, durationMs: 0, issues: [] });
        }
        return answered(exchange.reply(problems.routeNotFound(method, path)), 404);
      },
      (error: unknown) => {
        bug(error);
        return answered(exchange.reply(problems.internal(path)), 500);
      },
    );
  };
}

/** A CORS preflight (Fetch standard, "CORS protocol") is the adapter's to answer, even on the operation's path. */
function isPreflight(request: OperationRequest): boolean {
  return (
    request.method === 'OPTIONS' &&
    request.header('origin') !== undefined &&
    request.header('access-control-request-method') !== undefined
  );
}
