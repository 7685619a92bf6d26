import { adminPaths } from '../generated/admin-facts.ts';
import type { CustomerFixture, StateSetup } from './provider-states.ts';

/** The `/__mock` admin endpoints of an ocpi-location-kit mock, as a provider-state setup. */
export interface MockAdmin extends StateSetup {
  /** Forgets every location and every fixture added at run time. */
  reset(): Promise<void>;
}

/** True when `baseUrl` is an ocpi-location-kit mock (it answers `GET /__mock/health`). */
export async function isMock(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL(relative(adminPaths.getHealth), withSlash(baseUrl)), {
      signal: AbortSignal.timeout(2000),
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Drives a running mock through `/__mock/reset` and `/__mock/fixtures`. */
export function createMockAdmin(baseUrl: string): MockAdmin {
  const post = async (path: string, body?: unknown): Promise<void> => {
    const response = await fetch(new URL(path, withSlash(baseUrl)), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 200)}`);
  };
  return {
    reset: () => post(relative(adminPaths.reset)),
    ensureCustomer: (customer: CustomerFixture) =>
      post(relative(adminPaths.addFixtures), fixturesFor(customer)),
  };
}

/** The body of `POST /__mock/fixtures` for one customer. */
function fixturesFor(customer: CustomerFixture): unknown {
  return {
    customers: [
      {
        ...(customer.apiKey ? { apiKey: customer.apiKey } : {}),
        ...(customer.code ? { code: customer.code } : {}),
        ...(customer.clientId ? { clientId: customer.clientId } : {}),
        integrations: [...customer.integrations],
      },
    ],
  };
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);
// Relative to the base, so a mock behind a path prefix (`http://host/mock/`) is reached below it.
const relative = (path: string): string => path.replace(/^\//, '');
