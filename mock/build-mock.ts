import { Hono } from 'hono';
import type { Spec } from '../src/core/openapi/spec.ts';
import { createValidator } from '../src/core/validation/validator.ts';
import { createResponseBuilder } from './core/pipeline/build-response.ts';
import { pipelineLimits } from './core/pipeline/limits.ts';
import { createNegotiator } from './core/pipeline/negotiate.ts';
import { createProblems, type Problems } from './core/pipeline/problem.ts';
import { deriveRoute, type OperationRoute } from './core/pipeline/route.ts';
import { createOperationHandler } from './core/pipeline/run-operation.ts';
import { createRequestRunner, type RequestLogger, type RequestRunner } from './core/pipeline/run-request.ts';
import { createRedactor, type Redactor } from './core/pipeline/secrets.ts';
import { createFetchEntrance, type FetchEntrance, type FetchHandler } from './core/pipeline/serve-fetch.ts';
import { createRequestCheck } from './core/pipeline/validate-request.ts';
import type { Fixtures } from './core/state/fixtures.ts';
import { createIdSource } from './core/state/ids.ts';
import { createJournal } from './core/state/journal.ts';
import { resolveStateLimits, type StateLimits } from './core/state/limits.ts';
import { createStore } from './core/state/store.ts';
import { type MockState, mountAdmin } from './routes/admin.ts';
import { type CorsOrigins, createCors } from './routes/cors.ts';
import { createEntrance, type MockEnv } from './routes/entrance.ts';
import { mountValidate } from './routes/validate-endpoint.ts';

export type { MockBindings } from './routes/entrance.ts';

/** How a mock behaves; every field is optional and the defaults are the documented demo. */
export interface MockOptions extends Partial<StateLimits> {
  /** A loaded spec, or (in Node) the path of one; default the project's openapi.yaml. */
  readonly spec?: Spec | string;
  /** Fixtures, or (in Node) the path of a fixtures file; default `mock/fixtures/demo.json`. */
  readonly fixtures?: Fixtures | string;
  /** Extra API keys and integrations for the first (demo) customer. */
  readonly apiKeys?: readonly string[];
  readonly integrations?: readonly string[];
  /** Fixes the sequence of location ids. */
  readonly seed?: number;
  /** Reject OCPI-rule breaches (decision 8) and unknown properties instead of accepting them with warnings. */
  readonly strict?: boolean;
  /** Latency added to every answer of the operation, in ms. */
  readonly delayMs?: number;
  /** Origins allowed by CORS; default any. */
  readonly corsOrigins?: CorsOrigins;
  /** Called once per request; default none. */
  readonly log?: RequestLogger;
  /** Requests kept by `/__mock/requests`; default 500. */
  readonly journalSize?: number;
  /** Largest body read, in bytes; default 1 MiB. Larger bodies get 413. */
  readonly bodyLimit?: number;
  /** When set, every `/__mock` route needs `Authorization: Bearer <adminToken>`. */
  readonly adminToken?: string;
}

/** A mock with no socket: `app.request()` in tests, `app.fetch` behind any server. */
export interface MockApp {
  readonly app: Hono<MockEnv>;
  readonly state: MockState;
  readonly spec: Spec;
  /** The customers, keys and integrations the mock started with (what `state.reset()` returns to). */
  readonly fixtures: Fixtures;
  /** The whole mock as a fetch-standard handler, with no socket: for in-process clients and MSW. */
  readonly fetch: FetchHandler;
  /** The runner without Hono, for entrances that skip it (the node:http fast path, MSW). */
  readonly operation: {
    readonly run: RequestRunner;
    readonly problems: Problems;
    /** The operation's method and path template, with the one path matcher. */
    readonly route: OperationRoute;
    /** The operation's requests as fetch `Request`s with their target given (MSW, below its base URL). */
    readonly fetch: FetchEntrance['operation'];
  };
}

/** A mock's options once its spec and fixtures are data. */
export interface BuiltMockOptions extends MockOptions {
  readonly spec: Spec;
  readonly fixtures: Fixtures;
}

/**
 * What the place a mock runs in gives it: the Node adapter all of it (mock/app.ts), a browser or a service
 * worker none.
 */
export interface MockHost {
  /** Where a bug's stack goes; default `console.error`. */
  readonly reportBug?: (text: string) => void;
  /** Facts of the process for `/__mock/health` (resident memory, dropped output). */
  readonly processHealth?: () => Record<string, unknown>;
  /** Routes only a server has (docs, the checker page), mounted before the not-found answer. */
  readonly mountPages?: (app: Hono, mock: { spec: Spec; fixtures: Fixtures; strict: boolean }) => void;
}

/**
 * Builds the mock from its spec and fixtures as data: everything is derived here, once, before the first
 * request. Runs anywhere `fetch` does (Node, a test runner, a browser's service worker).
 */
export function buildMock(options: BuiltMockOptions, host: MockHost = {}): MockApp {
  const { spec } = options;
  const validator = createValidator(spec);
  const base = options.fixtures;
  const fixtures = joinDemoCustomer(base, options.apiKeys ?? [], options.integrations ?? []);
  const stateLimits = resolveStateLimits(options);
  const store = createStore(fixtures, stateLimits);
  const journal = createJournal(spec, options.journalSize, stateLimits);
  const ids = createIdSource(spec, options.seed);
  const redact = createRedactor(store);
  const state: MockState = {
    store,
    redact,
    journal,
    ids,
    reset() {
      store.reset();
      journal.clear();
      ids.reset();
    },
  };
  const route = deriveRoute(spec);
  const problems = createProblems(spec);
  const check = createRequestCheck(validator, store, route, options.strict === true);
  const negotiate = createNegotiator(spec);
  const build = createResponseBuilder(ids, store, problems);
  const bodyLimit = options.bodyLimit ?? pipelineLimits.bodyLimit;
  const handle = createOperationHandler({
    check,
    negotiate,
    build,
    problems,
    bodyLimit,
    delayMs: options.delayMs ?? 0,
  });
  const log = options.log && redactLog(options.log, redact);
  const run = createRequestRunner({ route, handle, problems, journal, log, reportBug: host.reportBug });

  const app = new Hono<MockEnv>();
  const origins = options.corsOrigins ?? '*';
  const cors =
    origins === '*' || origins.length > 0 ? createCors(origins, `${route.method}, GET, OPTIONS`) : undefined;
  app.use(createEntrance(run, cors?.decorate));
  if (cors) app.use(cors.preflight);
  const routes = app as unknown as Hono;
  mountAdmin(
    routes,
    state,
    problems,
    `${route.method} ${route.template}`,
    options.adminToken,
    host.processHealth,
  );
  mountValidate(routes, validator, problems, bodyLimit);
  host.mountPages?.(routes, { spec, fixtures, strict: options.strict === true });
  // No route took it, or a route has a bug: the runner answers both (404 and journal, 500 and report).
  app.notFound((c) => {
    c.set('unrouted', true);
    return c.body(null, 404);
  });
  app.onError((error) => {
    throw error;
  });
  const entrance = createFetchEntrance(
    run,
    async (request) => app.fetch(request),
    (path) => route.match(path) !== undefined,
  );
  return {
    app,
    state,
    spec,
    fixtures,
    fetch: entrance.fetch,
    operation: { run, problems, route, fetch: entrance.operation },
  };
}

/** `--api-key` and `--integration` join the first customer of the fixtures (the demo customer). */
function joinDemoCustomer(
  fixtures: Fixtures,
  apiKeys: readonly string[],
  integrations: readonly string[],
): Fixtures {
  if (apiKeys.length === 0 && integrations.length === 0) return fixtures;
  const [first, ...rest] = fixtures.customers;
  if (!first)
    return {
      customers: [{ name: 'Command-line customer', apiKeys: [...apiKeys], integrations: [...integrations] }],
    };
  const joined = {
    ...first,
    apiKeys: [...(first.apiKeys ?? []), ...apiKeys],
    integrations: [...first.integrations, ...integrations],
  };
  return { ...fixtures, customers: [joined, ...rest] };
}

/** A path is the client's text and may carry a key (as the integration id, say): known keys never reach the log. */
function redactLog(log: RequestLogger, redact: Redactor): RequestLogger {
  return (record) => log({ ...record, path: redact(record.path) });
}
