// A small app that uses the package as a frontend team would: MSW's worker with the package's handlers, and
// the typed client (or a plain fetch) against eMabler's real base URL, answered in the page by the whole mock.
import { setupWorker } from 'msw/browser';
import { createLocationsClient } from '../../../src/index.ts';
import { createMswHandlers } from '../../../src/msw/index.ts';

const handlers = createMswHandlers({ seed: 11 });
const worker = setupWorker(...handlers);
const ready = worker.start({
  serviceWorker: { url: './mockServiceWorker.js' },
  quiet: true,
  onUnhandledRequest: 'bypass',
});

const client = (apiKey: string) =>
  createLocationsClient({ baseUrl: handlers.baseUrl, apiKey, problemDetails: true });

/** What the test reads: each call's answer, and the mock's own state after them. */
async function run() {
  await ready;
  const created = await client('demo-api-key').addLocation('int-tampere-roaming', { name: 'Hatanpää' });
  const again = await client('demo-api-key').addLocation('int-tampere-roaming', { name: 'Hervanta' });
  const unauthorised = await client('no-such-key').addLocation('int-tampere-roaming', {});
  const notFound = await client('demo-api-key').addLocation('int-nobody', {});
  const invalid = await client('demo-api-key').addLocation('int-tampere-roaming', {
    parkingType: 'CAR_PARK',
  } as never);
  const plain = await fetch(
    `${handlers.baseUrl}/integrations/int-tampere-roaming/locations?excludeChargers=maybe`,
    {
      method: 'POST',
      headers: {
        'x-api-key': 'demo-api-key',
        'content-type': 'application/json',
        accept: 'application/problem+json',
      },
      body: '{}',
    },
  );
  return {
    baseUrl: handlers.baseUrl,
    created,
    again,
    unauthorised,
    notFound,
    invalid,
    plain: { status: plain.status, type: plain.headers.get('content-type'), body: await plain.json() },
    stored: handlers.mock.state.store.locations.size,
    journal: handlers.mock.state.journal.list().entries.length,
  };
}

(window as unknown as { run: typeof run }).run = run;
