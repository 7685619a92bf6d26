import { Hono } from 'hono';
import type { Spec } from '../src/core/openapi/spec.ts';
import { createValidator } from '../src/core/validation/validator.ts';
import { createResponseBuilder } from './core/pipeline/build-response.ts';
import { pipelineLimits } from './core/pipeline/limits.ts';
import { createNegotiator } from './core/pipeline/negotiate.ts';
import { createProblems, type Problems } from './core/pipeline/problem.ts';
import { type BodyText, readBody } from './core/pipeline/read-body.ts';
import { deriveRoute, type OperationRoute } from './core/pipeline/route.ts';
import {
  createOperationRunner,
  type OperationRunner,
  type RequestLogger,
} from './core/pipeline/run-operation.ts';
import { createRedactor, type Redactor } from './core/pipeline/secrets.ts';
import { createRequestCheck } from './core/pipeline/validate-request.ts';
import { isoNow } from './core/state/clock.ts';
import type { Fixtures } from './core/state/fixtures.ts';
import { createIdSource } from './core/state/ids.ts';
import { createJournal } from './core/state/journal.ts';
import { resolveStateLimits, type StateLimits } from './core/state/limits.ts';
import { createStore } from './core/state/store.ts';
import { adminPrefix, type MockState, mountAdmin } from './routes/admin.ts';
import { type CorsOrigins, createCors } from './routes/cors.ts';
import { send } from './routes/send.ts';
import { mountValidate } from './routes/validate-endpoint.ts';

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
  readonly app: Hono<Env>;
  readonly state: MockState;
  readonly spec: Spec;
  /** The customers, keys and integrations the mock started with (what `state.reset()` returns to). */
  readonly fixtures: Fixtures;
  /** The whole mock as a fetch-standard handler, with no socket: for in-process clients and MSW. */
  readonly fetch: (request: Request) => Promise<Response>;
  /** The operation's pipeline without Hono, for entrances that skip it (the node:http fast path). */
  readonly operation: {
    readonly run: OperationRunner;
    readonly problems: Problems;
    /** The operation's method and path template, with the one path matcher (MSW asks it). */
    readonly route: OperationRoute;
  };
}

/**
 * What a server adapter may hand Hono: a body reader for its own request type (node:http's `IncomingMessage`
 * is a byte stream already; reading `Request.body` there builds a web stream per request).
 */
export interface MockBindings {
  readonly readBody?: (limit: number) => Promise<BodyText>;
}

type Env = { Bindings: MockBindings | undefined; Variables: { operation: boolean } };

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
  const reportBug = host.reportBug ?? ((text: string) => console.error(text));
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
  const log = options.log && redactLog(options.log, redact);
  const run = createOperationRunner({
    check,
    negotiate,
    build,
    problems,
    journal,
    bodyLimit,
    delayMs: options.delayMs ?? 0,
    route,
    log,
    reportBug,
  });

  const app = new Hono<Env>();
  if (log) {
    app.use(async (c, next) => {
      const started = performance.now();
      await next();
      if (c.get('operation')) return; // the runner logged it
      log({
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: performance.now() - started,
        issues: 0,
      });
    });
  }
  const origins = options.corsOrigins ?? '*';
  if (origins === '*' || origins.length > 0) app.use(createCors(origins, `${route.method}, GET, OPTIONS`));

  app.use(async (c, next) => {
    const raw = c.req.raw;
    const answer = run({
      method: raw.method,
      url: raw.url,
      header: (name) => raw.headers.get(name) ?? undefined,
      readBody: (limit) => c.env?.readBody?.(limit) ?? readBody(raw, limit),
    });
    if (!answer) return next();
    c.set('operation', true);
    return send(c, (await answer).reply);
  });
  mountAdmin(
    app as unknown as Hono,
    state,
    problems,
    `${route.method} ${route.template}`,
    options.adminToken,
    host.processHealth,
  );
  mountValidate(app as unknown as Hono, validator, problems, bodyLimit);
  host.mountPages?.(app as unknown as Hono, { spec, fixtures, strict: options.strict === true });
  app.notFound((c) => {
    if (!c.req.path.startsWith(adminPrefix)) {
      journal.record({
        time: isoNow(),
        method: c.req.method,
        path: c.req.path,
        status: 404,
        durationMs: 0,
        issues: [],
      });
    }
    return send(c, problems.routeNotFound(c.req.method, c.req.path));
  });
  app.onError((error, c) => {
    reportBug(`ocpi-location-kit mock: ${error.stack ?? error.message}`);
    return send(c, problems.internal(c.req.path));
  });
  const fetch = async (request: Request): Promise<Response> => app.fetch(request);
  return { app, state, spec, fixtures, fetch, operation: { run, problems, route } };
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
