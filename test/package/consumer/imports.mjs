// Plain Node ESM, no loader: the three entry points and the spec, as an app imports them.
import { createRequire } from 'node:module';
import { createLocationsClient, createValidator } from 'ocpi-location-kit';
import { createMockApp, serveMock } from 'ocpi-location-kit/mock';
import { createMswHandlers } from 'ocpi-location-kit/msw';

const require = createRequire(import.meta.url);
const mock = createMockApp({ seed: 1 });
const client = createLocationsClient({
  baseUrl: 'http://mock.test',
  apiKey: 'demo-api-key',
  fetch: (input, init) => mock.fetch(new Request(input, init)),
});
const validator = createValidator();
const results = {
  created: await client.addLocation('int-tampere-roaming', { name: 'Hatanpää' }),
  missing: await client.addLocation('int-nowhere', {}),
  journal: mock.state.journal.list().entries.map((entry) => entry.status),
  valid: validator.validateBody({ parkingType: 'PARKING_LOT' }).ok,
  invalid: validator
    .validateBody({ parkingType: 'CAR_PARK' })
    .issues.filter((issue) => issue.severity === 'error')
    .map((issue) => issue.instancePath),
  parsed: validator.parseBody('{"name":').ok,
  handlers: createMswHandlers(mock).length,
  serveMock: typeof serveMock,
  openapiJson: require('ocpi-location-kit/openapi.json').openapi,
  openapiYaml: require.resolve('ocpi-location-kit/openapi.yaml').endsWith('openapi.yaml'),
  version: require('ocpi-location-kit/package.json').version,
};
process.stdout.write(`${JSON.stringify(results)}\n`);
