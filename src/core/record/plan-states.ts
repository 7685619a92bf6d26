import type { RequestCheck } from '../exchange/check-exchange.ts';
import { providerStates } from './pact-names.ts';
import type { PactState } from './pact-v4.ts';
import { placeholders } from './placeholders.ts';

/** Which state an outcome needs, the values it stands on, and which of them the request takes by generator. */
export interface Plan {
  readonly state?: PactState;
  readonly integrationId: string;
  readonly integrationByState: boolean;
  /** Credential name (header or query) to stored value, and whether the state's result replaces it. */
  readonly credentials: Record<string, { value: string; param?: string }>;
}

/** The state of each outcome the project's provider states can stand for; the committed pacts use the same. */
export function planOf(
  status: number,
  check: RequestCheck,
): { ok: true; value: Plan } | { ok: false; reason: string } {
  const p = placeholders;
  const alternative = check.alternative ?? [];
  // Which credential names the customer rather than proving who calls: eMabler v1's `clientId` (decision 3).
  const customer = alternative.find((c) => c.scheme === 'ClientId')?.name;
  const key = alternative.find((c) => c.scheme !== 'ClientId')?.name ?? '';
  const existing = { integrationId: p.integrationId, integrationByState: true } as const;
  const exists = state(providerStates.integrationExists, {
    apiKey: p.apiKey,
    integrationId: p.integrationId,
  });
  if (check.credentials === 'api-key') {
    const sent = { [key]: { value: p.apiKey, param: 'apiKey' } };
    if (status === 200 || status === 400) return plan({ ...existing, state: exists, credentials: sent });
    if (status === 401) {
      const unknown = state(providerStates.apiKeyUnknown, { apiKey: p.unknownApiKey });
      const credentials = { [key]: { value: p.unknownApiKey } };
      return plan({ integrationId: p.integrationId, integrationByState: false, state: unknown, credentials });
    }
    if (status === 404) {
      const params = { apiKey: p.apiKey, integrationId: p.unknownIntegrationId };
      const unknown = state(providerStates.integrationUnknown, params);
      return plan({
        integrationId: p.unknownIntegrationId,
        integrationByState: true,
        state: unknown,
        credentials: sent,
      });
    }
  }
  if (check.credentials === 'v1' && customer) {
    if (status === 200 || status === 400) {
      const params = { clientId: p.clientId, code: p.code, integrationId: p.integrationId };
      const credentials = {
        [key]: { value: p.code, param: 'code' },
        [customer]: { value: p.clientId, param: 'clientId' },
      };
      return plan({ ...existing, state: state(providerStates.integrationExistsV1, params), credentials });
    }
    if (status === 401) {
      const credentials = { [key]: { value: p.unknownCode }, [customer]: { value: p.clientId } };
      return plan({ integrationId: p.integrationId, integrationByState: false, credentials });
    }
  }
  if (check.credentials === 'none' && status === 401)
    return plan({ ...existing, state: exists, credentials: {} });
  const sent = check.credentials === 'none' ? 'no' : check.credentials;
  return {
    ok: false,
    reason: `no provider state stands for a ${status} to a request with ${sent} credentials`,
  };
}

const plan = (value: Plan) => ({ ok: true as const, value });
const state = (name: string, params: Record<string, string>): PactState => ({ name, params });
