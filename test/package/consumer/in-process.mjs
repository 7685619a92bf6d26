// in-process.mjs (node in-process.mjs)
import { createLocationsClient, createValidator } from 'ocpi-location-kit';
import { createMockApp } from 'ocpi-location-kit/mock';

const mock = createMockApp({ seed: 1 });
const client = createLocationsClient({
  baseUrl: 'http://mock.test',
  apiKey: 'demo-api-key',
  fetch: (input, init) => mock.fetch(new Request(input, init)),
});
console.log(await client.addLocation('int-tampere-roaming', { name: 'Hatanpää' }));
console.log((await client.addLocation('int-nowhere', {})).status);
console.log(
  mock.state.journal.list().entries.map((entry) => `${entry.method} ${entry.path} ${entry.status}`),
);
console.log(createValidator().validateBody({ parkingType: 'CAR_PARK' }).errors);
