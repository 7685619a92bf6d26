import { providerStates } from '../core/record/pact-names.ts';
import type { JsonMap } from './json-types.ts';

export { providerStates };

/** One of the project's provider-state strings. */
export type ProviderState = (typeof providerStates)[keyof typeof providerStates];

/** The values a state handler hands back to the verifier, which injects them into the request (Pact V3+). */
export type InjectedValues = Partial<Record<'apiKey' | 'code' | 'clientId' | 'integrationId', string>> &
  Record<string, string>;

/** A customer the provider must know for a state: its credentials and the integrations it owns. */
export interface CustomerFixture {
  readonly apiKey?: string;
  readonly code?: string;
  readonly clientId?: string;
  readonly integrations: readonly string[];
}

/** What a provider can do to set states up; the mock implements it through `/__mock` (see mock-admin.ts). */
export interface StateSetup {
  /** Makes sure a customer with these credentials exists and owns these integrations. */
  ensureCustomer(customer: CustomerFixture): Promise<void>;
}

/** Values that replace the pacts' example credentials, e.g. a real key for eMabler's test environment. */
export interface StateOverrides {
  readonly apiKey?: string;
  readonly code?: string;
  readonly clientId?: string;
  readonly integrationId?: string;
}

/** A handler receives the state's parameters and returns the values to inject into the request. */
export type StateHandler = (params: JsonMap) => Promise<InjectedValues>;

/** Builds the handler of every state in `providerStates`; without `setup` they only supply injected values. */
export function createStateHandlers(
  setup?: StateSetup,
  overrides: StateOverrides = {},
): Record<ProviderState, StateHandler> {
  const text = (params: JsonMap, name: string): string | undefined =>
    typeof params[name] === 'string' ? params[name] : undefined;
  const pick = (values: Record<string, string | undefined>): InjectedValues =>
    Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as InjectedValues;

  return {
    async [providerStates.integrationExists](params) {
      const apiKey = overrides.apiKey ?? text(params, 'apiKey');
      const integrationId = overrides.integrationId ?? text(params, 'integrationId');
      if (setup && apiKey && integrationId)
        await setup.ensureCustomer({ apiKey, integrations: [integrationId] });
      return pick({ apiKey, integrationId });
    },
    async [providerStates.integrationExistsV1](params) {
      const code = overrides.code ?? text(params, 'code');
      const clientId = overrides.clientId ?? text(params, 'clientId');
      const integrationId = overrides.integrationId ?? text(params, 'integrationId');
      if (setup && code && clientId && integrationId) {
        await setup.ensureCustomer({ code, clientId, integrations: [integrationId] });
      }
      return pick({ code, clientId, integrationId });
    },
    async [providerStates.integrationUnknown](params) {
      // The integration id stays the pact's: it is meant to be one the provider does not know.
      const apiKey = overrides.apiKey ?? text(params, 'apiKey');
      if (setup && apiKey) await setup.ensureCustomer({ apiKey, integrations: [] });
      return pick({ apiKey, integrationId: text(params, 'integrationId') });
    },
    async [providerStates.apiKeyUnknown](params) {
      // Nothing to set up, and no override: the key must stay one that no customer has.
      return pick({ apiKey: text(params, 'apiKey') });
    },
  };
}
