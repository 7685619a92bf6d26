import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { VerifierOptions as CoreOptions } from '@pact-foundation/pact-core';
import { type BrokerOptions, brokerVerifierOptions } from './broker-options.ts';
import type { JsonMap } from './json-types.ts';
import { withoutBasePaths } from './pact-base-paths.ts';
import { providerName } from './participants.ts';
import {
  createStateHandlers,
  type InjectedValues,
  type ProviderState,
  type StateOverrides,
  type StateSetup,
} from './provider-states.ts';
import { readPacts } from './read-pacts.ts';
import { readVerifierReport, type VerifyResult } from './read-verifier-report.ts';
import { runVerifier } from './run-verifier.ts';
import { serveStateChanges } from './state-change-server.ts';

export type { BrokerOptions } from './broker-options.ts';
export type { VerifiedInteraction, VerifiedPact, VerifyResult } from './read-verifier-report.ts';

/** Log levels of pact-core and its native verifier. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'trace';

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
  /**
   * Local pact files whose paths carry one of the spec's server base paths (`/api/...`) are replayed without it
   * (the provider's base URL already carries it); give the spec document here to do so.
   */
  readonly stripBasePathsOf?: Record<string, unknown>;
  /** pact-core's log level; its log lines are returned in `logs` (kept out of the output unless asked for). */
  readonly logLevel?: LogLevel;
}

/**
 * Verifies the provider with pact-core, the native verifier pact-js runs, in a process of its own so that its
 * printed report and log lines reach the user only as the command decides. pact-js's `Verifier` is not used: it
 * always puts its own express proxy in front of the provider, which parses request bodies, so a pact sending
 * malformed JSON got the proxy's 400, `{}` was sent as nothing and other bodies were re-serialised under the old
 * Content-Length. Here the verifier talks to the provider directly, and provider states go to a small endpoint of
 * our own for the run (state-change-server.ts).
 */
export async function verifyProvider(options: VerifyOptions): Promise<VerifyResult & { logs: string }> {
  // pact-core reports usage to pactflow.io unless told not to; this toolkit keeps verification on the wire it tests.
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  keepLoopbackOffProxies();
  const unreachable = await checkReachable(options.providerBaseUrl);
  if (unreachable) return { ...readVerifierReport('', false), reason: unreachable, logs: '' };
  const states = await serveStateChanges({
    setUp: stateSetup(options),
    ...(options.beforeEach ? { beforeEach: options.beforeEach } : {}),
  });
  const files = options.pactFiles && rewriteBasePaths(options.pactFiles, options.stripBasePathsOf);
  const { broker } = options;
  const run: CoreOptions = {
    provider: providerName,
    providerBaseUrl: options.providerBaseUrl,
    logLevel: options.logLevel ?? 'error',
    ...(files ? { pactUrls: files.paths } : {}),
    ...(broker && !files ? brokerVerifierOptions(broker) : {}),
    providerStatesSetupUrl: states.url,
    // pact-core sends teardowns whatever this says; they end an interaction (for beforeEach) and go no further.
    providerStatesSetupTeardown: true,
    failIfNoPactsFound: true,
  };
  try {
    const answer = await runVerifier({ options: run, logLevel: options.logLevel ?? 'error' });
    return { ...readVerifierReport(answer.text, answer.passed), logs: answer.printed };
  } finally {
    files?.cleanUp();
    await states.close();
  }
}

/**
 * The pact files to hand the verifier: as given, or, when a spec is given and some request paths carry one of
 * its server base paths, copies without it in a temporary directory (removed after the run).
 */
function rewriteBasePaths(
  paths: string[],
  doc: Record<string, unknown> | undefined,
): { paths: string[]; cleanUp: () => void } {
  const unchanged = { paths, cleanUp: () => {} };
  if (!doc) return unchanged;
  const rewritten = paths
    .flatMap((path) => readPacts(path))
    .map((file) => ({ path: file.path, ...withoutBasePaths(doc, file.pact) }));
  if (!rewritten.some((file) => file.changed)) return unchanged;
  const dir = mkdtempSync(join(tmpdir(), 'ocpi-verify-'));
  const copies = rewritten.map((file, index) => {
    if (!file.changed) return file.path;
    const copy = join(dir, `${index}-${basename(file.path)}`);
    writeFileSync(copy, JSON.stringify(file.pact));
    return copy;
  });
  return { paths: copies, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
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
