// The demo customers of mock/fixtures/demo.json, read from it: tests name the customer, never retype its key.
import { readFileSync } from 'node:fs';
import type { Fixtures } from '../../mock/core/state/fixtures.ts';

const { customers } = JSON.parse(
  readFileSync(new URL('../../mock/fixtures/demo.json', import.meta.url), 'utf8'),
) as Fixtures;

/** One demo customer's credentials and integrations, as the fixtures file gives them. */
export interface DemoCustomer {
  readonly name: string;
  readonly apiKey: string;
  readonly clientId: string;
  readonly code: string;
  /** Its first integration. */
  readonly integration: string;
  readonly integrations: readonly string[];
}

function customer(index: number): DemoCustomer {
  const found = customers[index];
  const apiKey = found?.apiKeys?.[0];
  const code = found?.codes?.[0];
  const integration = found?.integrations[0];
  if (!found?.clientId || !apiKey || !code || !integration)
    throw new Error(
      `mock/fixtures/demo.json: customer ${index} needs an API key, a clientId, a code and an integration`,
    );
  return {
    name: found.name ?? '',
    apiKey,
    clientId: found.clientId,
    code,
    integration,
    integrations: found.integrations,
  };
}

/** The first demo customer (Tampere), whom the mock's banner and the README name. */
export const demo = customer(0);
/** The second demo customer (Oulu). */
export const oulu = customer(1);
/** The header that carries the first demo customer's key. */
export const demoKey = { 'x-api-key': demo.apiKey };
