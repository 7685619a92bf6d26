import { approximateBytes, truncateText } from './bytes.ts';
import type { CustomerFixture, Fixtures } from './fixtures.ts';
import { defaultStateLimits, type StateLimits } from './limits.ts';
import { Ring } from './ring.ts';

/** A customer as the mock knows it; sets make every credential check one lookup. */
export interface Customer {
  readonly name: string;
  readonly apiKeys: Set<string>;
  clientId: string | undefined;
  readonly codes: Set<string>;
  readonly integrations: Set<string>;
}

/** A location the mock created. */
export interface CreatedLocation {
  readonly id: string;
  readonly integrationId: string;
  readonly customer: string;
  readonly name: string | undefined;
  readonly excludeChargers: boolean;
  readonly createdAt: string;
  /** Set when the name was cut to the per-item limit: the name's length as sent, in characters. */
  readonly truncated?: { readonly nameLength: number };
}

/** The mock's state: the customers (start-up fixtures plus those added at run time) and what was created. */
export interface Store {
  byApiKey(key: string): Customer | undefined;
  byClientId(clientId: string): Customer | undefined;
  /** Merges customers in: a customer that shares an API key or client id with a known one is extended. */
  add(fixtures: Fixtures): { added: number; extended: number };
  addLocation(location: CreatedLocation): void;
  readonly locations: Ring<CreatedLocation>;
  customerCount(): number;
  /** The customers in the order they were added; the first is the demo customer. */
  customers(): readonly Customer[];
  /** Back to the start-up fixtures, with no locations. */
  reset(): void;
  /** Grows whenever the customers change, so what is derived from them can be cached. */
  readonly revision: number;
}

/** Creates the store; `base` is what `reset` returns to. */
export function createStore(
  base: Fixtures,
  limits: Pick<StateLimits, 'maxLocations' | 'storeBytes' | 'storeItemBytes'> = defaultStateLimits,
): Store {
  const customers: Customer[] = [];
  const apiKeys = new Map<string, Customer>();
  const clientIds = new Map<string, Customer>();
  const locations = new Ring<CreatedLocation>(limits.maxLocations, limits.storeBytes);
  const addLocation = (location: CreatedLocation) => {
    let stored = location;
    let bytes = approximateBytes(location);
    const name = location.name;
    if (bytes > limits.storeItemBytes && name !== undefined) {
      const keep = Math.max(0, Math.floor((limits.storeItemBytes - (bytes - 2 * name.length) - 64) / 2));
      stored = { ...location, name: truncateText(name, keep), truncated: { nameLength: name.length } };
      bytes = approximateBytes(stored);
    }
    locations.push(stored, bytes);
  };

  const merge = (fixture: CustomerFixture): 'added' | 'extended' => {
    const keys = [...(fixture.apiKeys ?? []), ...(fixture.apiKey ? [fixture.apiKey] : [])];
    const fixtureCodes = [...(fixture.codes ?? []), ...(fixture.code ? [fixture.code] : [])];
    let customer =
      keys.map((key) => apiKeys.get(key)).find(Boolean) ??
      (fixture.clientId ? clientIds.get(fixture.clientId) : undefined);
    const outcome = customer ? 'extended' : 'added';
    if (!customer) {
      customer = {
        name: fixture.name ?? fixture.clientId ?? `customer ${customers.length + 1}`,
        apiKeys: new Set(),
        clientId: undefined,
        codes: new Set(),
        integrations: new Set(),
      };
      customers.push(customer);
    }
    for (const key of keys) {
      customer.apiKeys.add(key);
      apiKeys.set(key, customer);
    }
    if (fixture.clientId && !customer.clientId) {
      customer.clientId = fixture.clientId;
      clientIds.set(fixture.clientId, customer);
    }
    for (const code of fixtureCodes) {
      customer.codes.add(code);
    }
    for (const integration of fixture.integrations) customer.integrations.add(integration);
    return outcome;
  };

  let revision = 0;
  const add = (fixtures: Fixtures) => {
    revision++;
    const counts = { added: 0, extended: 0 };
    for (const fixture of fixtures.customers) counts[merge(fixture)]++;
    return counts;
  };

  const reset = () => {
    customers.length = 0;
    apiKeys.clear();
    clientIds.clear();
    locations.clear();
    add(base);
  };
  reset();

  return {
    byApiKey: (key) => apiKeys.get(key),
    byClientId: (clientId) => clientIds.get(clientId),
    add,
    addLocation,
    locations,
    customerCount: () => customers.length,
    customers: () => customers,
    reset,
    get revision() {
      return revision;
    },
  };
}
