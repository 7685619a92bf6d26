import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../../mock/server/node-server.ts';
import type { CheckId } from '../../../src/core/probe/checks.ts';
import { type ProbeResult, probeProvider } from '../../../src/core/probe/probe.ts';
import type { ProbeCredentials } from '../../../src/core/probe/types.ts';
import { type Bug, providerCredentials, startProvider } from './providers/provider.ts';

const demo = JSON.parse(
  readFileSync(new URL('../../../mock/fixtures/demo.json', import.meta.url), 'utf8'),
) as {
  customers: { apiKeys: string[]; clientId: string; codes: string[]; integrations: string[] }[];
};
const customer = demo.customers[0] as (typeof demo.customers)[number];
const v2: ProbeCredentials = { apiKey: providerCredentials.apiKey };
const v1: ProbeCredentials = { code: providerCredentials.code, clientId: providerCredentials.clientId };

const failedChecks = (result: ProbeResult): Set<string> =>
  new Set(result.results.flatMap((r) => r.checks.filter((check) => !check.ok).map((check) => check.id)));

const failures = (result: ProbeResult) =>
  result.results
    .filter((r) => r.outcome === 'failed')
    .map(
      (r) =>
        `${r.case.name}: ${r.checks
          .filter((c) => !c.ok)
          .map((c) => `${c.id} ${c.message}`)
          .join('; ')}`,
    );

describe('probeProvider against the mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await serveMock({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => mock?.close());

  it.each([1, 20261207])('finds nothing wrong with the mock under seed %i', async (seed) => {
    const result = await probeProvider({
      baseUrl: mock.url,
      credentials: { apiKey: customer.apiKeys[0] as string },
      integrationId: customer.integrations[0] as string,
      seed,
    });
    expect(failures(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.requests).toBeGreaterThan(250);
  });

  it('finds nothing wrong with the mock under v1 credentials', async () => {
    const result = await probeProvider({
      baseUrl: mock.url,
      credentials: { code: customer.codes[0] as string, clientId: customer.clientId },
      integrationId: customer.integrations[0] as string,
    });
    expect(failures(result)).toEqual([]);
    expect(result.results.some((r) => r.case.name === 'auth:unknown-client' && r.outcome === 'passed')).toBe(
      true,
    );
  });
});

describe('probeProvider against a correct provider written apart from the mock', () => {
  it.each([
    ['v2', v2],
    ['v1', v1],
  ] as const)('finds nothing wrong with %s credentials', async (_, credentials) => {
    const provider = await startProvider();
    try {
      const result = await probeProvider({
        baseUrl: provider.url,
        credentials,
        integrationId: providerCredentials.integrationId,
        seed: 99,
        maxResponseTimeMs: 250,
      });
      expect(failures(result)).toEqual([]);
      expect(result.unconfirmed).toEqual([]);
    } finally {
      await provider.close();
    }
  });
});

// Each provider plants one bug; the probe must fail it, naming the check that the bug breaks.
const planted: [Bug, CheckId, ProbeCredentials?][] = [
  ['accepts-wrong-enum', 'expected_status'],
  ['accepts-nested-wrong-enum', 'expected_status'],
  ['accepts-wrong-type', 'expected_status'],
  ['refuses-index-form', 'expected_status'],
  ['server-error-on-non-ascii', 'not_a_server_error'],
  ['server-error-on-emoji', 'not_a_server_error'],
  ['server-error-on-long-string', 'not_a_server_error'],
  ['server-error-on-empty-body', 'not_a_server_error'],
  ['created-201', 'status_code_conformance'],
  ['text-plain-200', 'content_type_conformance'],
  ['bad-location-id', 'response_schema_conformance'],
  ['no-auth-check', 'expected_status'],
  ['any-key-accepted', 'expected_status'],
  ['integration-before-auth', 'expected_status'],
  ['unknown-integration-400', 'expected_status'],
  ['accepts-repeated-exclude-chargers', 'expected_status'],
  ['ignores-exclude-chargers-enum', 'expected_status'],
  ['accepts-non-json', 'expected_status'],
  ['accepts-duplicate-keys', 'expected_status'],
  ['accepts-wrong-media-type', 'expected_status'],
  ['refuses-no-content-type', 'expected_status'],
  ['refuses-json-charset', 'expected_status'],
  ['refuses-null-parking-type', 'expected_status'],
  ['refuses-no-body', 'expected_status'],
  ['json-on-400', 'content_type_conformance'],
  ['bad-problem-document', 'response_schema_conformance'],
  ['wrong-sentence-on-400', 'response_schema_conformance'],
  ['forbidden-403-on-wrong-key', 'status_code_conformance'],
  ['slow-on-wrong-key', 'response_time'],
  ['unknown-client-401', 'expected_status', v1],
  ['refuses-key-header', 'expected_status', v1],
];

describe.concurrent('probeProvider against providers that plant one bug', () => {
  it.each(planted)('fails a provider that %s with %s', async (bug, check, credentials = v2) => {
    const provider = await startProvider(bug);
    try {
      const result = await probeProvider({
        baseUrl: provider.url,
        credentials,
        integrationId: providerCredentials.integrationId,
        maxResponseTimeMs: 250,
      });
      expect(result.ok).toBe(false);
      expect([...failedChecks(result)]).toContain(check);
    } finally {
      await provider.close();
    }
  });
});
