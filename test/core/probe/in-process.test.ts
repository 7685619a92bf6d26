import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../../mock/app.ts';
import { probeProvider } from '../../../src/index.ts';

// The package entry's probeProvider with a fetch of the caller's: a test runner probes a provider it started in
// its own process, with no socket.
describe('probeProvider from the package entry', () => {
  it('probes a provider in-process through the fetch it is given', async () => {
    const mock = createMockApp();
    const customer = mock.fixtures.customers[0];
    let requests = 0;
    const result = await probeProvider({
      baseUrl: 'http://in-process.test',
      credentials: { apiKey: customer?.apiKeys?.[0] as string },
      integrationId: customer?.integrations[0] as string,
      fetch: (input, init) => {
        requests++;
        return mock.fetch(new Request(input, init));
      },
      only: ['example:*', 'auth:*', 'integration:*'],
    });
    expect(result.ok).toBe(true);
    expect(result.results.map((r) => r.outcome)).not.toContain('failed');
    expect(requests).toBe(result.requests);
    expect(
      result.results.find((r) => r.case.name === 'auth:none+unknown-integration')?.response?.status,
    ).toBe(401);
  });

  it('lists the cases without calling fetch on a dry run', async () => {
    const result = await probeProvider({
      baseUrl: 'http://nowhere.test',
      credentials: { code: 'c', clientId: 'client' },
      integrationId: 'int',
      fetch: () => Promise.reject(new Error('a dry run must not send')),
      dryRun: true,
    });
    expect(result.requests).toBe(0);
    expect(result.results.every((r) => r.outcome === 'not-sent')).toBe(true);
    expect(result.results.some((r) => r.case.name === 'auth:unknown-client')).toBe(true);
  });
});
