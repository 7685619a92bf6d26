// The package's `ocpi-location-kit/msw` entry: the mock as Mock Service Worker request handlers.
import { type HttpHandler, http } from 'msw';
import { createMockApp, type MockApp, type MockOptions } from '../../mock/browser.ts';
import { defaultBaseUrl, targetBelow, trimBase } from './base-url.ts';

/** Where the app sends its requests; default the spec's first eMabler server. */
export interface MswBaseOptions {
  readonly baseUrl?: string;
}

/** `createMockApp`'s options and the base URL the handlers answer under. */
export interface MswHandlerOptions extends MockOptions, MswBaseOptions {}

/** The handlers for `setupServer(...handlers)` or `setupWorker(...handlers)`, and the mock behind them. */
export type MswHandlers = HttpHandler[] & {
  /** The mock that answers: its journal, store and `reset()`, as through `/__mock`. */
  readonly mock: MockApp;
  /** The base URL the handlers answer under. */
  readonly baseUrl: string;
};

const isMock = (value: MockOptions | MockApp): value is MockApp =>
  typeof (value as Partial<MockApp>).fetch === 'function' && 'state' in value;

/**
 * MSW handlers that answer the operation under `baseUrl` exactly as the HTTP mock does (credentials,
 * integrations, query, body, `Prefer`, problem details, ids, journal); every other request is not matched, so
 * it goes on to the app's other handlers or the network.
 */
export function createMswHandlers(options?: MswHandlerOptions): MswHandlers;
/** The same, on an existing mock, so a test can read its journal and reset it. */
export function createMswHandlers(mock: MockApp, options?: MswBaseOptions): MswHandlers;
export function createMswHandlers(
  first: MswHandlerOptions | MockApp = {},
  second: MswBaseOptions = {},
): MswHandlers {
  const mock = isMock(first) ? first : createMockApp(first);
  const baseUrl = (isMock(first) ? second.baseUrl : first.baseUrl) ?? defaultBaseUrl(mock.spec);
  const base = trimBase(baseUrl);
  const basePath = new URL(base).pathname;
  // The mock sees the target below the base (path and query), as the HTTP mock does behind
  // `baseUrl: http://127.0.0.1:4010`; the runner reads it once and takes the request as it is (no second
  // `Request`, the body read once). A path that is not the operation's gets no answer: MSW lets it pass.
  const handler = http.all(`${base}/*`, ({ request }) =>
    mock.operation.fetch(request, targetBelow(request.url, base, basePath)),
  );
  return Object.assign([handler], { mock, baseUrl: base });
}

export {
  issueLine,
  type LifeCycleSource,
  type MswPactRecorder,
  type RecordPactsOptions,
  recordPacts,
} from './record-pacts.ts';
