/**
 * One customer: its v2 API keys, its v1 client id and function codes, and the integrations it owns. `apiKey`
 * and `code` are accepted as one-value shorthands (the `/__mock/fixtures` body of the Pact provider states).
 */
export interface CustomerFixture {
  readonly name?: string;
  readonly apiKeys?: readonly string[];
  readonly apiKey?: string;
  readonly clientId?: string;
  readonly codes?: readonly string[];
  readonly code?: string;
  readonly integrations: readonly string[];
}

/** The content of a fixtures file, and the body of `POST /__mock/fixtures`. */
export interface Fixtures {
  readonly customers: readonly CustomerFixture[];
}

export type FixturesResult = { ok: true; value: Fixtures } | { ok: false; message: string };

const strings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');

/** Checks a parsed fixtures document; an expected failure is a value naming the first faulty field. */
export function checkFixtures(value: unknown): FixturesResult {
  const customers = (value as { customers?: unknown } | null)?.customers;
  if (typeof value !== 'object' || value === null || !Array.isArray(customers)) {
    return { ok: false, message: 'expected an object with a "customers" array' };
  }
  for (const [i, raw] of customers.entries()) {
    const at = `customers[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(`${at} must be an object`);
    const c = raw as Record<string, unknown>;
    for (const field of ['name', 'apiKey', 'clientId', 'code']) {
      if (c[field] !== undefined && (typeof c[field] !== 'string' || c[field] === '')) {
        return fail(`${at}.${field} must be a non-empty string`);
      }
    }
    for (const field of ['apiKeys', 'codes', 'integrations']) {
      if (c[field] !== undefined && !strings(c[field])) {
        return fail(`${at}.${field} must be an array of non-empty strings`);
      }
    }
    if (c.integrations === undefined) return fail(`${at}.integrations is missing (use [] for none)`);
    const keys = (c.apiKeys as unknown[] | undefined)?.length ?? 0;
    const codes = (c.codes as unknown[] | undefined)?.length ?? 0;
    const hasCode = codes > 0 || c.code !== undefined;
    if (keys === 0 && c.apiKey === undefined && !(hasCode && c.clientId !== undefined)) {
      return fail(`${at} needs an apiKey (or apiKeys), or a clientId with a code (or codes)`);
    }
    if (hasCode !== (c.clientId !== undefined)) return fail(`${at}: a v1 code and a clientId go together`);
  }
  return { ok: true, value: value as Fixtures };
}

const fail = (message: string): FixturesResult => ({ ok: false, message });
