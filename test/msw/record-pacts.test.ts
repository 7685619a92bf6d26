import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveMock } from '../../mock/server/node-server.ts';
import { createLocationsClient } from '../../src/core/client/index.ts';
import { createMswHandlers, type MswPactRecorder, recordPacts } from '../../src/msw/index.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { comparePacts } from '../../src/pact/compare-pacts.ts';
import { createMockAdmin } from '../../src/pact/mock-admin.ts';
import { readPacts } from '../../src/pact/read-pacts.ts';
import { verifyProvider } from '../../src/pact/verify-provider.ts';

const demo = JSON.parse(readFileSync(new URL('../../mock/fixtures/demo.json', import.meta.url), 'utf8')) as {
  customers: { apiKeys: string[]; clientId: string; codes: string[]; integrations: string[] }[];
};
const customer = demo.customers[0] as (typeof demo.customers)[0];
const apiKey = customer.apiKeys[0] as string;
const integration = customer.integrations[0] as string;
const baseUrl = 'https://api.emabler.net/api';

/** The tests of a consumer app, as it would write them: its client against the MSW handlers. */
async function runConsumerTests(recorder: MswPactRecorder): Promise<void> {
  const client = createLocationsClient({ baseUrl, apiKey });
  for (const name of ['Hatanpää', 'Kalasatama', 'Otaniemi'])
    expect(await client.addLocation(integration, { name, city: 'Tampere' })).toMatchObject({ ok: true });
  const problems = createLocationsClient({ baseUrl, apiKey, problemDetails: true });
  expect(await problems.addLocation(integration, { parkingType: 'CAR_PARK' } as never)).toMatchObject({
    status: 400,
  });
  expect(await createLocationsClient({ baseUrl }).addLocation(integration, {})).toMatchObject({
    status: 401,
  });
  expect(
    await createLocationsClient({ baseUrl, apiKey: 'not-a-key' }).addLocation(integration, {}),
  ).toMatchObject({ status: 401 });
  expect(await client.addLocation('int-nowhere', {})).toMatchObject({ status: 404 });
  const v1 = createLocationsClient({
    baseUrl,
    code: customer.codes[0] as string,
    clientId: customer.clientId,
  });
  expect(await v1.addLocation(integration, { name: 'Empty' }, { excludeChargers: true })).toMatchObject({
    ok: true,
  });
  await recorder.settled();
}

/** One recording run: a fresh MSW server and recorder, the consumer's tests, the pact written to `dir`. */
async function record(dir: string): Promise<{ recorder: MswPactRecorder; path: string }> {
  const server = setupServer(...createMswHandlers());
  const recorder = recordPacts(server, { consumer: 'fleet-app' });
  server.listen({ onUnhandledRequest: 'error' });
  try {
    await runConsumerTests(recorder);
    return { recorder, path: await recorder.write(dir) };
  } finally {
    server.close();
  }
}

describe('recordPacts on setupServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocpi-record-'));
  let first: Awaited<ReturnType<typeof record>>;
  beforeAll(async () => {
    first = await record(dir);
  });

  it('names interactions by outcome and keeps three alike requests as one', () => {
    const names = first.recorder.pact().interactions.map((i) => i.description);
    expect(names).toEqual([
      'addLocation: 200 for a valid location',
      'addLocation: 200 for a valid location (v1 credentials, excludeChargers=true)',
      'addLocation: 400 for a location whose /parkingType breaks enum (problem details)',
      'addLocation: 401 for a request without credentials',
      'addLocation: 401 for an unknown API key',
      'addLocation: 404 for an unknown integration',
    ]);
    expect(first.recorder.issues).toEqual([]);
  });

  it('stores no credential and no integration id as sent', () => {
    const text = readFileSync(first.path, 'utf8');
    for (const secret of [apiKey, customer.codes[0] as string, customer.clientId, integration, 'not-a-key'])
      expect(text).not.toContain(secret);
  });

  it('matches the location id by the pattern of the spec, not by the id the mock made', () => {
    const created = first.recorder.pact().interactions[0];
    expect(created?.response.body?.content).toEqual({ id: 'Loc-123' });
    expect(created?.response.matchingRules?.body?.['$.id']?.matchers).toEqual([
      { match: 'regex', regex: '^Loc-[A-Za-z0-9-]+$' },
    ]);
  });

  it('writes the same bytes when the same tests run again', async () => {
    const before = readFileSync(first.path, 'utf8');
    const again = await record(dir);
    expect(readFileSync(again.path, 'utf8')).toBe(before);
    const elsewhere = await record(mkdtempSync(join(tmpdir(), 'ocpi-record-')));
    expect(readFileSync(elsewhere.path, 'utf8')).toBe(before);
  });

  it('passes compare against openapi.yaml', async () => {
    const [result] = await comparePacts(loadSpec(), readPacts(first.path));
    expect(result?.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('verifies against a mock that knows other keys and integrations', async () => {
    const mock = await serveMock({ port: 0, apiKeys: [], integrations: [] });
    try {
      const admin = createMockAdmin(mock.url);
      const result = await verifyProvider({
        providerBaseUrl: mock.url,
        pactFiles: [first.path],
        setup: admin,
        beforeEach: admin.reset,
        overrides: { apiKey: 'key-of-another-run', integrationId: 'int-another-run' },
      });
      expect(result.failures).toEqual([]);
      expect(result.interactions).toHaveLength(6);
      expect(result.ok).toBe(true);
    } finally {
      await mock.close();
    }
  });
});
