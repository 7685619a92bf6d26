import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../../mock/app.ts';
import { createLocationsClient } from '../../src/core/client/index.ts';
import { createMswHandlers } from '../../src/msw/index.ts';
import { demo } from '../support/demo.ts';

const mock = createMockApp({ seed: 3 });
// Made before the server listens, as an app's module-level client is.
const early = createLocationsClient({ baseUrl: 'https://partner.example/ocpi', apiKey: demo.apiKey });
const handlers = createMswHandlers(mock, { baseUrl: 'https://partner.example/ocpi/' });
const server = setupServer(...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('createMswHandlers on an existing mock', () => {
  it('answers under its own base url, with or without the trailing slash', async () => {
    expect(handlers.baseUrl).toBe('https://partner.example/ocpi');
    const client = createLocationsClient({
      baseUrl: 'https://partner.example/ocpi/',
      apiKey: demo.apiKey,
    });
    const created = await client.addLocation('int-tampere-roaming', { name: 'Hatanpää' });
    expect(created).toMatchObject({ ok: true, id: expect.stringMatching(/^Loc-/) });
  });

  it('reaches a client created before the server listened', async () => {
    expect(await early.addLocation('int-nowhere', {})).toMatchObject({ ok: false, status: 404 });
  });

  it("records in the given mock's journal, which reset empties", async () => {
    mock.state.reset();
    const client = createLocationsClient({ baseUrl: 'https://partner.example/ocpi', apiKey: 'nope' });
    expect(await client.addLocation('int-tampere-roaming', {})).toMatchObject({ ok: false, status: 401 });
    const { entries } = mock.state.journal.list();
    expect(entries.map((e) => [e.path, e.status])).toEqual([
      ['/integrations/int-tampere-roaming/locations', 401],
    ]);
    mock.state.reset();
    expect(mock.state.journal.list().entries).toEqual([]);
  });

  it('leaves a request outside the operation unhandled', async () => {
    await expect(fetch('https://partner.example/ocpi/integrations')).rejects.toThrow();
  });
});

describe('createMswHandlers from options', () => {
  it("answers under the spec's first eMabler server by default", () => {
    expect(createMswHandlers({ seed: 1 }).baseUrl).toBe('https://api.emabler.net/api');
  });
});
