// A strict TypeScript consumer of the shipped declarations (type-checked under nodenext and bundler).
import {
  type AddLocationResult,
  createLocationsClient,
  createValidator,
  type Issue,
  type Location,
} from 'ocpi-location-kit';
import {
  createMockApp,
  type MockApp,
  type MockOptions,
  type ServeOptions,
  serveMock,
} from 'ocpi-location-kit/mock';
import { createMswHandlers } from 'ocpi-location-kit/msw';

const options: MockOptions = { seed: 1, strict: true, apiKeys: ['consumer-key'] };
const mock: MockApp = createMockApp(options);
const client = createLocationsClient({
  baseUrl: 'http://mock.test',
  apiKey: 'consumer-key',
  fetch: (input, init) => mock.fetch(new Request(input, init)),
});
const location: Location = { name: 'Hatanpää', parkingType: 'PARKING_LOT', facilities: ['WIFI', 'CAFE'] };

/** The new id, or the paths of what the provider refused. */
export async function add(): Promise<string> {
  const result: AddLocationResult = await client.addLocation('int-tampere-roaming', location);
  if (result.ok) return result.id;
  const issues: Issue[] = result.issues ?? [];
  return issues.map((issue) => issue.instancePath).join(', ');
}

export const handlers = createMswHandlers(mock, { baseUrl: 'https://partner.example/api' });
export const ownHandlers = createMswHandlers({ seed: 2, baseUrl: 'https://partner.example/api' });
export const serve: (options: ServeOptions) => Promise<{ url: string; close(): Promise<void> }> = serveMock;
export const valid: boolean = createValidator().validateBody(location).ok;
