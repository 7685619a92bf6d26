import { Verifier } from '@pact-foundation/pact';
import type { JsonMap } from '@pact-foundation/pact/src/common/jsonTypes.js';
import { forwardBody } from './forward-body.ts';
import { providerName } from './participants.ts';

type VerifierOptions = ConstructorParameters<typeof Verifier>[0];

/** The routes pact-js's proxy serves itself (Verifier's private stateSetupPath and messageTransportPath). */
const pactProxyPaths = ['/_pactSetup', '/_messages'];

import {
  createStateHandlers,
  type InjectedValues,
  type ProviderState,
  type StateHandler,
  type StateOverrides,
  type StateSetup,
} from './provider-states.ts';

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

/** Verifies the provider with pact-js (its native verifier prints the per-interaction report to stdout). */
export async function verifyProvider(options: VerifyOptions): Promise<VerifyResult> {
  // pact-core reports usage to pactflow.io unless told not to; this toolkit keeps verification on the wire it tests.
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const unreachable = await checkReachable(options.providerBaseUrl);
  if (unreachable) return { ok: false, interactions: [], failures: [], reason: unreachable };
  const { broker } = options;
  const verifier = new Verifier({
    provider: providerName,
    providerBaseUrl: options.providerBaseUrl,
    logLevel: options.logLevel ?? 'warn',
    ...(options.pactFiles ? { pactUrls: options.pactFiles } : {}),
    ...(broker ? brokerOptions(broker, options.pactFiles === undefined) : {}),
    // pact-js types this as HTTP handlers intersected with message handlers; these are HTTP handlers.
    stateHandlers: stateHandlers(options) as unknown as VerifierOptions['stateHandlers'],
    ...(options.beforeEach ? { beforeEach: options.beforeEach } : {}),
    // pact-js's proxy drops `{}` bodies and re-serialises others under the old Content-Length (forward-body.ts).
    requestFilter: forwardBody(pactProxyPaths) as VerifierOptions['requestFilter'],
    // The verifier sends the state's values back in the request; a mock or a partner keeps no other state here.
    providerStatesSetupTeardown: false,
    failIfNoPactsFound: true,
  });
  try {
    return readOutcome(await verifier.verifyProvider(), true);
  } catch (error) {
    return readOutcome(error instanceof Error ? error.message : String(error), false);
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
 * A handler for any state name: the project's states run their own handler (after the provider's endpoint,
 * when there is one, so its answer fills the parameters); any other state is forwarded as it is. Precedence of
 * injected values: command-line overrides, then the provider's answer, then the pact's example.
 */
function stateHandlers(options: VerifyOptions): Record<string, StateHandler> {
  const known: Record<string, StateHandler> = createStateHandlers(options.setup, options.overrides);
  const handlerFor =
    (state: string): StateHandler =>
    async (params = {}) => {
      const answer = options.stateSetupUrl ? await forwardState(options.stateSetupUrl, state, params) : {};
      const handler = known[state as ProviderState];
      if (handler) return handler({ ...params, ...answer });
      return { ...answer, ...definedOnly({ ...options.overrides }) };
    };
  // pact-js looks handlers up by name; a Proxy serves names this project has never heard of (outside pacts).
  return new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? handlerFor(name) : undefined) });
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
 * pact-js proxies every request through http-proxy without an error handler, so a provider that refuses
 * connections crashes the process and leaves the native verifier waiting out its timeouts. Any HTTP answer,
 * whatever its status, means the provider is there.
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
