import type { ConsumerVersionSelector, VerifierOptions } from '@pact-foundation/pact-core';

/** Where the pacts come from when a Pact Broker is used, what it is asked for, and what to publish back. */
export interface BrokerOptions {
  readonly url: string;
  /** Bearer token (PactFlow, a broker behind token auth). */
  readonly token?: string;
  /** Basic auth, the other way a broker is protected; never together with a token. */
  readonly username?: string;
  readonly password?: string;
  /** Which consumer versions' pacts to verify; the recommended ones when empty. */
  readonly selectors?: readonly ConsumerVersionSelector[];
  /** Ask the broker which pacts are pending: their failures are reported but do not fail the run. */
  readonly enablePending?: boolean;
  /** Include work-in-progress pacts published since this date (YYYY-MM-DD). */
  readonly includeWipPactsSince?: string;
  /** Publish the verification results (needs `providerVersion`). */
  readonly publish?: boolean;
  readonly providerVersion?: string;
  readonly providerBranch?: string;
}

/**
 * The consumer version selectors the Pact documentation recommends for a provider's CI: the consumers' main
 * branches, every version deployed or released, and the branch whose name matches the provider's (sent only with
 * a provider branch: a broker refuses `matchingBranch` without one).
 */
export const recommendedSelectors: readonly ConsumerVersionSelector[] = [
  { mainBranch: true },
  { deployedOrReleased: true },
  { matchingBranch: true },
];

const selectorKeys = new Set([
  'tag',
  'latest',
  'consumer',
  'deployedOrReleased',
  'deployed',
  'released',
  'environment',
  'fallbackTag',
  'branch',
  'mainBranch',
  'matchingBranch',
  'fallbackBranch',
]);

/** Reads each `--consumer-version-selectors` value (a JSON object, as pact-js spells it); a bad one is an issue. */
export function parseSelectors(
  texts: readonly string[],
): { ok: true; value: ConsumerVersionSelector[] } | { ok: false; issues: string[] } {
  const value: ConsumerVersionSelector[] = [];
  const issues: string[] = [];
  for (const text of texts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      issues.push(`"${text}" is not JSON (e.g. '{"mainBranch":true}')`);
      continue;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      issues.push(`"${text}" is not a JSON object (e.g. '{"mainBranch":true}')`);
      continue;
    }
    const unknown = Object.keys(parsed).filter((key) => !selectorKeys.has(key));
    if (unknown.length > 0) {
      issues.push(
        `"${text}" has no selector property ${unknown.join(', ')} (known: ${[...selectorKeys].join(', ')})`,
      );
      continue;
    }
    value.push(parsed as ConsumerVersionSelector);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/**
 * The broker part of pact-core's verifier options: pacts selected by the broker, results published to it (only
 * a pact fetched from a broker carries the link results are published to). Every value is explicit, so what the
 * command was told is what the broker gets.
 */
export function brokerVerifierOptions(broker: BrokerOptions): Partial<VerifierOptions> {
  const selectors =
    broker.selectors && broker.selectors.length > 0
      ? broker.selectors
      : recommendedSelectors.filter((selector) => broker.providerBranch || !selector.matchingBranch);
  return {
    pactBrokerUrl: broker.url,
    ...(broker.token ? { pactBrokerToken: broker.token } : {}),
    ...(broker.username ? { pactBrokerUsername: broker.username } : {}),
    ...(broker.password ? { pactBrokerPassword: broker.password } : {}),
    consumerVersionSelectors: [...selectors],
    ...(broker.enablePending ? { enablePending: true } : {}),
    ...(broker.includeWipPactsSince ? { includeWipPactsSince: broker.includeWipPactsSince } : {}),
    ...(broker.publish ? { publishVerificationResult: true } : {}),
    ...(broker.providerVersion ? { providerVersion: broker.providerVersion } : {}),
    ...(broker.providerBranch ? { providerVersionBranch: broker.providerBranch } : {}),
  };
}
