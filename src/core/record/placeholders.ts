/**
 * The values a recorded pact carries instead of what was sent. Credentials and the integration id are never
 * stored as given: the provider states take these as parameters and the verifier replaces them (with `verify
 * --api-key ... --integration ...`, or with what a mock's state setup creates), through `ProviderState`
 * generators. The "nobody has" values stand for credentials or integrations a provider must not know.
 */
export const placeholders = {
  apiKey: 'recorded-api-key',
  code: 'recorded-function-code',
  clientId: 'recorded-client-id',
  integrationId: 'recorded-integration',
  unknownApiKey: 'key-nobody-has',
  unknownCode: 'code-nobody-has',
  unknownIntegrationId: 'integration-nobody-has',
} as const;
