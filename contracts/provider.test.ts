import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMock } from '../mock/node-server.ts';
import { createMockAdmin } from '../src/pact/mock-admin.ts';
import { projectPactFile } from '../src/pact/participants.ts';
import { verifyProvider } from '../src/pact/verify-provider.ts';

// The committed pacts are verified (not the ones the consumer test may be rewriting), so file order never matters.
describe('the mock, as the provider of the committed pacts', () => {
  let mock: Awaited<ReturnType<typeof serveMock>>;
  beforeAll(async () => {
    mock = await serveMock({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it('honours every interaction, with states set up through /__mock', async () => {
    const admin = createMockAdmin(mock.url);
    const result = await verifyProvider({
      providerBaseUrl: mock.url,
      pactFiles: [projectPactFile],
      setup: admin,
      beforeEach: admin.reset,
    });
    expect(result.failures).toEqual([]);
    expect(result.interactions.length).toBeGreaterThanOrEqual(7);
    expect(result.interactions.filter((i) => !i.ok)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('honours every interaction with credentials and an integration the pacts never mention', async () => {
    // The states create this customer through /__mock/fixtures and inject its values into the requests.
    const admin = createMockAdmin(mock.url);
    const result = await verifyProvider({
      providerBaseUrl: mock.url,
      pactFiles: [projectPactFile],
      setup: admin,
      beforeEach: admin.reset,
      overrides: {
        apiKey: 'pact-fixture-key',
        code: 'pact-fixture-code',
        clientId: 'pact-fixture-customer',
        integrationId: 'int-pact-fixture',
      },
    });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
