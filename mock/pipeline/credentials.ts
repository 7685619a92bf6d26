import { createHash, timingSafeEqual } from 'node:crypto';
import type { Spec } from '../../src/openapi/load-spec.ts';
import type { Credential } from '../../src/openapi/operation.ts';
import { joinPointer } from '../../src/openapi/pointer.ts';
import type { Issue } from '../../src/validation/types.ts';
import type { Customer, Store } from '../state/store.ts';

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
    issue: {
      severity: 'error',
      code: 'no-credentials',
      instancePath: '',
      specPointer: joinPointer(spec.operation.pointer, 'security'),
      message: `send ${how}`,
      location: 'header',
    },
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
        issue: {
          severity: 'error',
          code: 'unknown-customer',
          instancePath: `/${alt.customer.name}`,
          specPointer: joinPointer(schemes, alt.customer.scheme),
          message: `clientId ${JSON.stringify(clientId)} is not a customer of this function key`,
          location: 'query',
        },
      };
    }
    if (wrongCustomer) return wrongCustomer;
    if (!present) return missing;
    return {
      ok: false,
      status: 401,
      detail: `The ${present.name} ${present.in === 'query' ? 'query parameter' : 'header'} holds a key this server does not know.`,
      issue: {
        severity: 'error',
        code: 'unknown-credentials',
        instancePath: `/${present.name}`,
        specPointer: joinPointer(schemes, present.scheme),
        message: `the ${present.name} sent is not a known key`,
        location: present.in === 'query' ? 'query' : 'header',
      },
    };
  };
}

/**
 * SHA-256 digests of secrets, known and presented, kept once per secret: the same key arrives on every request,
 * and the store can grow at run time through `/__mock/fixtures`. Bounded, so random keys cannot grow it.
 */
const digests = new Map<string, Buffer>();
const digestOf = (secret: string): Buffer => {
  let value = digests.get(secret);
  if (!value) {
    if (digests.size >= 10_000) digests.clear();
    value = createHash('sha256').update(secret).digest();
    digests.set(secret, value);
  }
  return value;
};

/**
 * Compares a presented secret with every known one through fixed-length SHA-256 digests and
 * `crypto.timingSafeEqual`, visiting all of them whatever matches: the time taken says nothing about how much
 * of a key was right (a `Map` lookup or `===` stops at the first differing character). Whether a digest was
 * cached tells only whether the very same string was seen before, which trying it would tell anyway.
 */
function createKeyMatcher(store: Store) {
  const same = (secret: string, candidate: string): boolean =>
    timingSafeEqual(digestOf(secret), digestOf(candidate));
  const find = (secret: string, pick: (customer: Customer) => Set<string>): Customer | undefined => {
    let found: Customer | undefined;
    for (const customer of store.customers())
      for (const candidate of pick(customer)) if (same(secret, candidate) && !found) found = customer;
    return found;
  };
  const apiKeysOf = (customer: Customer) => customer.apiKeys;
  const codesOf = (customer: Customer) => customer.codes;
  return {
    apiKey: (secret: string) => find(secret, apiKeysOf),
    code: (secret: string) => find(secret, codesOf) !== undefined,
    codeOf(customer: Customer, secret: string): boolean {
      let found = false;
      for (const candidate of customer.codes) found = same(secret, candidate) || found;
      return found;
    },
  };
}

/**
 * Masks every known API key and function code wherever a client put it (a path, a query parameter that is not
 * a credential, a body value echoed in an issue): the journal is readable by anyone who can reach `/__mock`.
 */
export function redactSecrets(json: string, store: Store): string {
  let out = json;
  for (const mask of masksOf(store)) if (out.includes(mask)) out = out.replaceAll(mask, '***');
  return out;
}

/** What `redactSecrets` looks for, worked out again only when the customers change (the log calls it per request). */
const masks = new WeakMap<Store, { revision: number; list: string[] }>();
function masksOf(store: Store): string[] {
  const known = masks.get(store);
  if (known?.revision === store.revision) return known.list;
  const list: string[] = [];
  for (const customer of store.customers()) {
    for (const secret of [...customer.apiKeys, ...customer.codes]) {
      if (secret.length < 3) continue;
      const escaped = JSON.stringify(secret).slice(1, -1);
      const encoded = encodeURIComponent(secret);
      list.push(escaped);
      if (encoded !== escaped) list.push(encoded);
    }
  }
  masks.set(store, { revision: store.revision, list });
  return list;
}
