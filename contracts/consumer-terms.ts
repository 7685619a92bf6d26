// The terms of the consumer test: matchers, payloads and ids from openapi.yaml, provider-state values.
import { MatchersV3 } from '@pact-foundation/pact';
import type { V4ResponseBuilder } from '@pact-foundation/pact/src/v4/http/types.js';
import type { Location } from '../src/index.ts';
import { loadSpec } from '../src/node/load-spec.ts';
import { demo as demoCustomer } from '../test/support/demo.ts';

export const { eachLike, fromProviderState, like, regex } = MatchersV3;
export const problemType = 'https://github.com/ocpi-location-kit/ocpi-location-kit#bad-request';

// Payloads and the id pattern come from openapi.yaml, so the pact and the spec cannot disagree on them.
export const spec = loadSpec();
export const components = spec.doc.components as {
  examples: Record<string, { value: Location }>;
  schemas: { LocationId: { properties: { id: { pattern: string } } } };
};
export const example = (name: string): Location => {
  const found = components.examples[name]?.value;
  if (!found) throw new Error(`openapi.yaml has no example ${name}`);
  return found;
};
export const completeSite = example('CompleteSite');
export const emptyLocation = example('EmptyLocation');
export const idPattern = components.schemas.LocationId.properties.id.pattern;

// The provider-state values are the demo customer's, read from mock/fixtures/demo.json.
export const demo = { apiKey: demoCustomer.apiKey, code: demoCustomer.code, clientId: demoCustomer.clientId };
export const tampere = demoCustomer.integration;
export const helsinki = demoCustomer.integrations[1] as string;
export const unknownIntegration = 'int-not-created-yet';
export const unknownKey = 'key-nobody-has';

// The credentials and the integration come from the provider state, so a verifier can put in real ones.
export const locationsPath = (integrationId: string) =>
  fromProviderState(`/integrations/\${integrationId}/locations`, `/integrations/${integrationId}/locations`);
/** A value the verifier takes from the provider state's answer: `${name}` is Pact's expression syntax. */
export const fromState = (name: 'apiKey' | 'code' | 'clientId', example: string) =>
  fromProviderState(`\${${name}}`, example);
export const apiKeyHeader = fromState('apiKey', demo.apiKey);
export const plainAccept = 'application/json, text/plain';
export const textPlain = regex('^text/plain(;.*)?$', 'text/plain; charset=UTF-8');

/**
 * eMabler's documented sentence as a text/plain body that the verifier compares exactly. pact-js 16.4's
 * `body()` records text as a binary body with a content-type-only matcher, which would accept any sentence, so
 * this goes one level down to the interaction's `withResponseBody` (a pinned dependency; revisit on upgrade).
 */
export function textBody(response: V4ResponseBuilder, sentence: string): void {
  response.headers({ 'Content-Type': textPlain });
  const { interaction } = response as unknown as {
    interaction: { withResponseBody(b: string, t: string): boolean };
  };
  interaction.withResponseBody(sentence, 'text/plain');
}
