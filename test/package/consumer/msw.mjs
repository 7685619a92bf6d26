// MSW's setupServer with the package's handlers, answering a plain fetch (no port, no network).
import { setupServer } from 'msw/node';
import { createMswHandlers } from 'ocpi-location-kit/msw';

const server = setupServer(...createMswHandlers());
server.listen({ onUnhandledRequest: 'error' });
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
  unauthorised: await post('int-tampere-roaming', { 'x-api-key': 'wrong' }),
  notFound: await post('int-nowhere', key),
  invalid: await post(
    'int-tampere-roaming',
    { ...key, accept: 'application/problem+json' },
    '{"parkingType":"CAR_PARK"}',
  ),
};
server.close();
process.stdout.write(`${JSON.stringify(results)}\n`);
