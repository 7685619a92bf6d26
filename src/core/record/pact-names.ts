/** The pacticipant name of the API that `openapi.yaml` describes (eMabler's, the mock, or a partner's). */
export const providerName = 'emabler-add-location';

/**
 * Every provider state the project's pacts use. The strings are exact and fixed; the `{names}` in them are the
 * parameters each interaction sends along with the state, so one handler serves every value.
 */
export const providerStates = {
  integrationExists: 'a customer with API key {apiKey} has integration {integrationId}',
  integrationExistsV1: 'a v1 customer {clientId} with function code {code} has integration {integrationId}',
  integrationUnknown: 'a customer with API key {apiKey} has no integration {integrationId}',
  apiKeyUnknown: 'no customer has API key {apiKey}',
} as const;
