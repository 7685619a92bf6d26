// locations.test.ts
import { setupServer } from 'msw/node';
import { createLocationsClient } from 'ocpi-location-kit';
import { createMswHandlers } from 'ocpi-location-kit/msw';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

const handlers = createMswHandlers();
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => handlers.mock.state.reset());
afterAll(() => server.close());

const client = createLocationsClient({ baseUrl: 'https://api.emabler.net/api', apiKey: 'demo-api-key' });

it('creates a location', async () => {
  const created = await client.addLocation('int-tampere-roaming', { name: 'Hatanpää', country: 'FIN' });
  expect(created).toMatchObject({ ok: true, id: expect.stringMatching(/^Loc-/) });
  expect(handlers.mock.state.journal.list().entries.map((entry) => entry.status)).toEqual([200]);
});

it('is refused an integration the customer does not have', async () => {
  expect(await client.addLocation('int-oulu-roaming', {})).toMatchObject({ ok: false, status: 404 });
});
