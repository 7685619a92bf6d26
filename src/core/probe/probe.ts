import { defaultProbeMaxResponseTimeMs, defaultProbeTimeoutMs } from '../defaults.ts';
import { projectSpec } from '../openapi/project-spec.ts';
import type { Spec } from '../openapi/spec.ts';
import { createResponseValidator } from '../validation/validate-response.ts';
import { createValidator } from '../validation/validator.ts';
import { buildRequest, type ProbeRequest, type ProbeTarget } from './build-request.ts';
import { deriveCases } from './cases.ts';
import { type CheckOutcome, type Observed, runChecks } from './checks.ts';
import { createRandom } from './random.ts';
import { createSelection } from './select.ts';
import { type Exchange, sendOnce } from './send.ts';
import type { ProbeCase, ProbeCredentials, UnconfirmedCase } from './types.ts';

/** Time as the probe sees it; tests pass a fake one. */
export interface ProbeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** What `probeProvider` needs: the provider and credentials, and how carefully to treat it. */
export interface ProbeOptions {
  readonly baseUrl: string;
  readonly credentials: ProbeCredentials;
  /** An integration that exists for these credentials. */
  readonly integrationId: string;
  /** The spec to derive cases from; default the project's openapi.yaml. */
  readonly spec?: Spec;
  readonly fetch?: typeof fetch;
  readonly clock?: ProbeClock;
  /** Seeds the random bodies and the made-up integration id; default 0. */
  readonly seed?: number;
  readonly maxResponseTimeMs?: number;
  /** Hold the provider to the expected status where the spec leaves it open (`ProbeCase.open`). */
  readonly strict?: boolean;
  readonly timeoutMs?: number;
  /** At most this many requests per second; default unlimited. */
  readonly ratePerSecond?: number;
  /** Stop sending after this many requests (429 retries included); the rest are reported as not sent. */
  readonly maxRequests?: number;
  /** Check ids or case-name patterns to keep (`enum:*`); see `createSelection`. */
  readonly only?: readonly string[];
  readonly skip?: readonly string[];
  /** List the cases without sending anything. */
  readonly dryRun?: boolean;
  /** Called after each case, for progress output. */
  readonly onResult?: (result: CaseResult) => void;
}

/** One case and what became of it. */
export interface CaseResult {
  readonly case: ProbeCase;
  readonly request: ProbeRequest;
  readonly outcome: 'passed' | 'failed' | 'not-sent';
  readonly response?: Observed;
  /** The checks that ran (a failed `responds` alone when no answer came). */
  readonly checks: readonly CheckOutcome[];
}

/** The whole run, as a value: `ok` is true when every check of every sent case passed. */
export interface ProbeResult {
  readonly ok: boolean;
  /** Set when the provider could not be reached at all: nothing was judged (exit 2 at the CLI). */
  readonly unreachable?: string;
  readonly seed: number;
  readonly results: readonly CaseResult[];
  /** Cases the validator did not confirm; never sent. */
  readonly unconfirmed: readonly UnconfirmedCase[];
  readonly requests: number;
  readonly durationMs: number;
}

/** Defaults of the probe's limits. */
export const probeDefaults = {
  maxResponseTimeMs: defaultProbeMaxResponseTimeMs,
  timeoutMs: defaultProbeTimeoutMs,
  /** A 429's `Retry-After` is honoured up to a minute, and at most `retries` times per case. */
  maxRetryAfterMs: 60000,
  retries: 3,
};

const systemClock: ProbeClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Probes a running provider with the cases derived from the spec and judges every answer by the checks.
 * Runs in Node and in browsers: it needs only `fetch`.
 */
export async function probeProvider(options: ProbeOptions): Promise<ProbeResult> {
  const spec = options.spec ?? projectSpec();
  const validator = createValidator(spec);
  const responses = createResponseValidator(spec);
  const seed = options.seed ?? 0;
  const clock = options.clock ?? systemClock;
  const selection = createSelection(options.only, options.skip);
  const derived = deriveCases(validator, options.credentials, seed);
  const random = createRandom(seed ^ 0x5eed);
  const target: ProbeTarget = {
    baseUrl: options.baseUrl,
    credentials: options.credentials,
    integrationId: options.integrationId,
    unknownIntegrationId: `probe-unknown-${Math.floor(random() * 2 ** 32).toString(36)}`,
  };
  const maxResponseTimeMs = options.maxResponseTimeMs ?? probeDefaults.maxResponseTimeMs;
  const started = clock.now();
  const results: CaseResult[] = [];
  const budget = { requests: 0, max: options.maxRequests ?? Number.POSITIVE_INFINITY, lastStart: -Infinity };
  const interval = options.ratePerSecond ? 1000 / options.ratePerSecond : 0;
  const finish = (unreachable?: string): ProbeResult => ({
    ok: !unreachable && results.every((result) => result.outcome !== 'failed'),
    ...(unreachable ? { unreachable } : {}),
    seed,
    results,
    unconfirmed: derived.unconfirmed,
    requests: budget.requests,
    durationMs: clock.now() - started,
  });
  let answered = false;
  let silent = 0;
  for (const probeCase of derived.cases.filter((c) => selection.caseSelected(c.name))) {
    const request = buildRequest(spec.operation, target, probeCase);
    if (options.dryRun || budget.requests >= budget.max) {
      results.push({ case: probeCase, request, outcome: 'not-sent', checks: [] });
      continue;
    }
    const send = async (): Promise<Exchange> => {
      const wait = budget.lastStart + interval - clock.now();
      if (wait > 0) await clock.sleep(wait);
      budget.lastStart = clock.now();
      budget.requests++;
      return sendOnce(options.fetch ?? fetch, request, clock, options.timeoutMs ?? probeDefaults.timeoutMs);
    };
    let exchange = await send();
    for (
      let retry = 0;
      retry < probeDefaults.retries && exchange.kind === 'answer' && exchange.observed.status === 429;
      retry++
    ) {
      if (budget.requests >= budget.max) break;
      await clock.sleep(Math.min(exchange.retryAfterMs ?? 1000, probeDefaults.maxRetryAfterMs));
      exchange = await send();
    }
    // Before a first answer, a refused connection or three silent cases mean nothing can be judged (exit 2),
    // rather than hundreds of timeouts in a row.
    if (!answered && exchange.kind !== 'answer' && (exchange.kind === 'unreachable' || ++silent >= 3))
      return finish(`cannot reach ${new URL(request.url).origin}: ${exchange.message}`);
    const result: CaseResult =
      exchange.kind === 'answer'
        ? withOutcome(
            probeCase,
            request,
            exchange.observed,
            runChecks(
              responses,
              probeCase,
              exchange.observed,
              maxResponseTimeMs,
              selection.checkEnabled,
              options.strict === true,
            ),
          )
        : withOutcome(
            probeCase,
            request,
            undefined,
            selection.checkEnabled('responds')
              ? [{ id: 'responds', ok: false, message: exchange.message }]
              : [],
          );
    answered ||= exchange.kind === 'answer';
    results.push(result);
    options.onResult?.(result);
  }
  return finish();
}

function withOutcome(
  probeCase: ProbeCase,
  request: ProbeRequest,
  response: Observed | undefined,
  checks: CheckOutcome[],
): CaseResult {
  const outcome = checks.every((check) => check.ok) ? 'passed' : 'failed';
  return { case: probeCase, request, outcome, ...(response ? { response } : {}), checks };
}
