import type { VerifierOptions as CoreOptions } from '@pact-foundation/pact-core';
import type { JsonMap } from './json-types.ts';
import { loadPactCore } from './load-pact-core.ts';
import { providerName } from './participants.ts';
import {
  createStateHandlers,
  type InjectedValues,
  type ProviderState,
  type StateOverrides,
  type StateSetup,
} from './provider-states.ts';
import { serveStateChanges } from './state-change-server.ts';

/** Where the pacts come from when a Pact Broker is used, and what to publish back. */
export interface BrokerOptions {
  readonly url: string;
  readonly token?: string;
  /** Publish the verification results (needs `providerVersion`). */
  readonly publish?: boolean;
  readonly providerVersion?: string;
  readonly providerBranch?: string;
}

/** One verification run. */
export interface VerifyOptions {
  readonly providerBaseUrl: string;
  /** Local pact files; without them, pacts come from the broker. */
  readonly pactFiles?: string[];
  readonly broker?: BrokerOptions;
  /** Credentials and integration that replace the pacts' examples (injected through the provider states). */
  readonly overrides?: StateOverrides;
  /** A provider endpoint that sets states up; it receives Pact's `{ state, params, action }` and may answer values. */
  readonly stateSetupUrl?: string;
  /** Sets states up directly, e.g. a mock's `/__mock` admin. */
  readonly setup?: StateSetup;
  /** Runs before each interaction, e.g. a mock reset. */
  readonly beforeEach?: () => Promise<void>;
  readonly logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

/** The outcome: `ok` only when every interaction of every pact passed (and there was at least one). */
export interface VerifyResult {
  readonly ok: boolean;
  /** Each verified interaction and whether it passed. */
  readonly interactions: { readonly description: string; readonly ok: boolean }[];
  /** Each failed interaction with the verifier's mismatch messages. */
  readonly failures: { readonly interaction: string; readonly mismatches: string[] }[];
  /** Why the run failed when no interaction report exists (configuration, unreachable broker). */
  readonly reason?: string;
}

/**
 * Verifies the provider with pact-core, the native verifier pact-js runs (it prints the per-interaction report
 * to stdout). pact-js's `Verifier` is not used: it always puts its own express proxy in front of the provider,
 * which parses request bodies, so a pact sending malformed JSON got the proxy's 400, `{}` was sent as nothing
 * and other bodies were re-serialised under the old Content-Length. Here the verifier talks to the provider
 * directly, and provider states go to a small endpoint of our own for the run (state-change-server.ts).
 */
export async function verifyProvider(options: VerifyOptions): Promise<VerifyResult> {
  const { default: pactCore } = await loadPactCore();
  // pact-core reports usage to pactflow.io unless told not to; this toolkit keeps verification on the wire it tests.
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  keepLoopbackOffProxies();
  const unreachable = await checkReachable(options.providerBaseUrl);
  if (unreachable) return { ok: false, interactions: [], failures: [], reason: unreachable };
  const states = await serveStateChanges({
    setUp: stateSetup(options),
    ...(options.beforeEach ? { beforeEach: options.beforeEach } : {}),
  });
  const { broker } = options;
  // pact-core's own logger ("Verifying Pacts", ...) follows this, not the option below, which sets the native one.
  pactCore.default.logLevel(options.logLevel ?? 'warn');
  const run: CoreOptions = {
    provider: providerName,
    providerBaseUrl: options.providerBaseUrl,
    logLevel: options.logLevel ?? 'warn',
    ...(options.pactFiles ? { pactUrls: options.pactFiles } : {}),
    ...(broker ? brokerOptions(broker, options.pactFiles === undefined) : {}),
    providerStatesSetupUrl: states.url,
    // pact-core sends teardowns whatever this says; they end an interaction (for beforeEach) and go no further.
    providerStatesSetupTeardown: true,
    failIfNoPactsFound: true,
  };
  try {
    // The package's CommonJS default export is typed as the module: its `default` is the same Pact instance.
    return readOutcome(await pactCore.default.verifyPacts(run), true);
  } catch (error) {
    return readOutcome(error instanceof Error ? error.message : String(error), false);
  } finally {
    await states.close();
  }
}

/** pact-core resolves (or rejects) with the verifier's JSON report; anything else is a reason in words. */
function readOutcome(text: string, passed: boolean): VerifyResult {
  let report: {
    result?: boolean;
    interactionResults?: { description?: string; result?: string }[];
    errors?: {
      interaction?: string;
      mismatch?: { message?: string; mismatches?: { mismatch?: string }[] };
    }[];
  };
  try {
    report = JSON.parse(text);
  } catch {
    return {
      ok: false,
      interactions: [],
      failures: [],
      reason: passed ? 'the verifier gave no report' : text,
    };
  }
  const interactions = (report.interactionResults ?? []).map((r) => ({
    description: r.description ?? '(unnamed interaction)',
    ok: r.result === 'OK',
  }));
  const failures = (report.errors ?? []).map((e) => ({
    interaction: e.interaction ?? '(unknown interaction)',
    mismatches: e.mismatch?.mismatches?.map((m) => m.mismatch ?? 'mismatch') ?? [
      e.mismatch?.message ?? 'failed',
    ],
  }));
  const ok = passed && report.result !== false && failures.length === 0 && interactions.length > 0;
  return {
    ok,
    interactions,
    failures,
    ...(interactions.length === 0 ? { reason: 'no interactions were verified' } : {}),
  };
}

function brokerOptions(broker: BrokerOptions, fetchPacts: boolean) {
  return {
    ...(fetchPacts ? { pactBrokerUrl: broker.url } : {}),
    ...(broker.token ? { pactBrokerToken: broker.token } : {}),
    ...(broker.publish ? { publishVerificationResult: true, pactBrokerUrl: broker.url } : {}),
    ...(broker.providerVersion ? { providerVersion: broker.providerVersion } : {}),
    ...(broker.providerBranch ? { providerVersionBranch: broker.providerBranch } : {}),
  };
}

/**
 * Sets up any state: the project's states run their own handler (after the provider's endpoint, when there is
 * one, so its answer fills the parameters); any other state is forwarded as it is. Precedence of injected
 * values: command-line overrides, then the provider's answer, then the pact's example.
 */
function stateSetup(options: VerifyOptions): (state: string, params: JsonMap) => Promise<InjectedValues> {
  const known = createStateHandlers(options.setup, options.overrides);
  return async (state, params) => {
    const answer = options.stateSetupUrl ? await forwardState(options.stateSetupUrl, state, params) : {};
    const handler = known[state as ProviderState];
    if (handler) return handler({ ...params, ...answer });
    return { ...answer, ...definedOnly({ ...options.overrides }) };
  };
}

async function forwardState(url: string, state: string, params: JsonMap): Promise<InjectedValues> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ state, params, action: 'setup' }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`state setup "${state}" at ${url} answered ${response.status}`);
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? definedOnly(value as InjectedValues)
      : {};
  } catch {
    return {};
  }
}

function definedOnly(values: Record<string, unknown>): InjectedValues {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/**
 * A provider that is not there is one reason, given at once, rather than a failed request per interaction (and,
 * through a broker, results published for a run that never reached the provider). Any HTTP answer, whatever its
 * status, means the provider is there.
 */
async function checkReachable(baseUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(baseUrl, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    await response.body?.cancel();
    return undefined;
  } catch (error) {
    const { cause } = error as { cause?: { code?: string; message?: string } };
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    return `cannot reach the provider at ${baseUrl} (${why})`;
  }
}

/**
 * The native verifier honours HTTP(S)_PROXY: on a machine that sets one, its calls to the state-change endpoint
 * (always on 127.0.0.1) and to a provider on loopback would leave for the proxy. NO_PROXY keeps them local.
 */
function keepLoopbackOffProxies(): void {
  const proxied = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'].some(
    (name) => process.env[name],
  );
  if (!proxied) return;
  const current = process.env.NO_PROXY ?? process.env.no_proxy ?? '';
  const hosts = current
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean);
  for (const host of ['127.0.0.1', 'localhost', '::1']) if (!hosts.includes(host)) hosts.push(host);
  process.env.NO_PROXY = hosts.join(',');
  process.env.no_proxy = process.env.NO_PROXY;
}
