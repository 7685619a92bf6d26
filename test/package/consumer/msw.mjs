// MSW's setupServer with the package's handlers, answering a plain fetch (no port, no network).

import { readFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { createMswHandlers, recordPacts } from 'ocpi-location-kit/msw';

const server = setupServer(...createMswHandlers());
server.listen({ onUnhandledRequest: 'error' });
// A pact recorded from the same traffic, as a frontend team's test suite would.
const recorder = recordPacts(server, { consumer: 'packed-consumer' });
const base = 'https://api.emabler.net/api/integrations';
const post = async (integration, headers, body = '{}') => {
  const response = await fetch(`${base}/${integration}/locations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, type, body: type.includes('json') ? JSON.parse(text) : text };
};
const key = { 'x-api-key': 'demo-api-key' };
const results = {
  created: await post('int-tampere-roaming', key),
  createdAgain: await post('int-tampere-roaming', key),
  unauthorised: await post('int-tampere-roaming', { 'x-api-key': 'wrong' }),
  notFound: await post('int-nowhere', key),
  invalid: await post(
    'int-tampere-roaming',
    { ...key, accept: 'application/problem+json' },
    '{"parkingType":"CAR_PARK"}',
  ),
};
const pactFile = await recorder.write('pacts');
server.close();
const pact = readFileSync(pactFile, 'utf8');
results.recorded = {
  file: pactFile,
  interactions: JSON.parse(pact).interactions.map((interaction) => interaction.description),
  keyInFile: pact.includes('demo-api-key'),
};
process.stdout.write(`${JSON.stringify(results)}\n`);
