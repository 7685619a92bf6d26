import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../mock/app.ts';
import { createLocationsClient } from '../../src/core/client/index.ts';

const mock = createMockApp({ seed: 5, apiKeys: ['in-process-key'] });
const client = createLocationsClient({
  baseUrl: 'http://mock.test',
  apiKey: 'in-process-key',
  fetch: (input, init) => mock.fetch(new Request(input, init)),
});

describe('the mock in-process through mock.fetch', () => {
  it('creates a location for the typed client with no port', async () => {
    const created = await client.addLocation('int-tampere-roaming', { name: 'Hatanpää' });
    expect(created).toMatchObject({ ok: true, id: expect.stringMatching(/^Loc-/) });
    expect(mock.state.store.locations.toArray().map((l) => l.name)).toContain('Hatanpää');
  });

  it('answers 404 for an integration the customer does not have', async () => {
    expect(await client.addLocation('int-nowhere', {})).toMatchObject({ ok: false, status: 404 });
  });

  it('exposes the start-up fixtures and forgets what was created on reset', async () => {
    expect(mock.fixtures.customers[0]?.apiKeys).toContain('in-process-key');
    mock.state.reset();
    expect(mock.state.store.locations.toArray()).toEqual([]);
    expect(mock.state.journal.list().entries).toEqual([]);
  });

  it('serves the mock routes too', async () => {
    const health = await mock.fetch(new Request('http://mock.test/__mock/health'));
    expect(health.status).toBe(200);
  });
});
