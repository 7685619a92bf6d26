import type { Credential } from '../../../src/core/openapi/operation.ts';
import { joinPointer } from '../../../src/core/openapi/pointer.ts';
import type { Spec } from '../../../src/core/openapi/spec.ts';
import { createIssue } from '../../../src/core/validation/issue.ts';
import type { Issue } from '../../../src/core/validation/types.ts';
import type { Customer, Store } from '../state/store.ts';
import { sameSecret } from './secrets.ts';

/** Reads one credential from the request: a header or a query parameter. */
export type CredentialReader = (credential: Credential) => string | undefined;

export type AuthResult =
  | { ok: true; customer: Customer }
  | { ok: false; status: 401 | 404; detail: string; issue: Issue };

/**
 * The security scheme that names the customer (eMabler v1's `clientId`) rather than proving who calls. The spec
 * says where credentials travel, not which of a pair is the customer, so this one name is the mock's knowledge.
 */
const customerScheme = 'ClientId';

/**
 * Builds the credential check from the spec's security alternatives (decision 3). A request is authenticated by
 * the first alternative whose credentials are all present and known; a v1 pair whose code is known but whose
 * `clientId` is not that customer's is 404 "Customer not found" (decision 4). Messages never repeat a secret.
 */
export function createAuthenticator(spec: Spec, store: Store): (read: CredentialReader) => AuthResult {
  const alternatives = spec.operation.security.map((alternative) => ({
    key: alternative.find((c) => c.scheme !== customerScheme),
    customer: alternative.find((c) => c.scheme === customerScheme),
  }));
  const how = spec.operation.security
    .map((alt) =>
      alt.map((c) => `the ${c.in === 'query' ? 'query parameter' : c.in} ${c.name}`).join(' and '),
    )
    .join(', or ');
  const schemes = '/components/securitySchemes';
  const missing: AuthResult = {
    ok: false,
    status: 401,
    detail: `No credentials were sent. Send ${how}.`,
    issue: createIssue({
      code: 'no-credentials',
      specPointer: joinPointer(spec.operation.pointer, 'security'),
      message: `send ${how}`,
      location: 'header',
    }),
  };

  const match = createKeyMatcher(store);
  return (read) => {
    let present: Credential | undefined;
    let wrongCustomer: AuthResult | undefined;
    for (const alt of alternatives) {
      if (!alt.key) continue;
      const key = read(alt.key);
      const clientId = alt.customer ? read(alt.customer) : undefined;
      if (key === undefined || (alt.customer && clientId === undefined)) continue;
      present ??= alt.key;
      if (!alt.customer) {
        const customer = match.apiKey(key);
        if (customer) return { ok: true, customer };
        continue;
      }
      if (!match.code(key)) continue;
      const customer = store.byClientId(clientId as string);
      if (customer && match.codeOf(customer, key)) return { ok: true, customer };
      wrongCustomer ??= {
        ok: false,
        status: 404,
        detail: 'No customer with this clientId is known for this function key.',
        issue: createIssue({
          code: 'unknown-customer',
          instancePath: `/${alt.customer.name}`,
          specPointer: joinPointer(schemes, alt.customer.scheme),
          message: `clientId ${JSON.stringify(clientId)} is not a customer of this function key`,
          location: 'query',
        }),
      };
    }
    if (wrongCustomer) return wrongCustomer;
    if (!present) return missing;
    return {
      ok: false,
      status: 401,
      detail: `The ${present.name} ${present.in === 'query' ? 'query parameter' : 'header'} holds a key this server does not know.`,
      issue: createIssue({
        code: 'unknown-credentials',
        instancePath: `/${present.name}`,
        specPointer: joinPointer(schemes, present.scheme),
        message: `the ${present.name} sent is not a known key`,
        location: present.in === 'query' ? 'query' : 'header',
      }),
    };
  };
}

/** Finds the customer a secret belongs to, visiting every known secret whatever matches (see `sameSecret`). */
function createKeyMatcher(store: Store) {
  const find = (secret: string, pick: (customer: Customer) => Set<string>): Customer | undefined => {
    let found: Customer | undefined;
    for (const customer of store.customers())
      for (const candidate of pick(customer)) if (sameSecret(secret, candidate) && !found) found = customer;
    return found;
  };
  const apiKeysOf = (customer: Customer) => customer.apiKeys;
  const codesOf = (customer: Customer) => customer.codes;
  return {
    apiKey: (secret: string) => find(secret, apiKeysOf),
    code: (secret: string) => find(secret, codesOf) !== undefined,
    codeOf(customer: Customer, secret: string): boolean {
      let found = false;
      for (const candidate of customer.codes) found = sameSecret(secret, candidate) || found;
      return found;
    },
  };
}
