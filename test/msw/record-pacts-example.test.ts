import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
// In an app: from 'ocpi-location-kit' and 'ocpi-location-kit/msw'.
import { createLocationsClient } from '../../src/core/client/index.ts';
import { createMswHandlers, recordPacts } from '../../src/msw/index.ts';

// --- example: docs/proxy-and-recording.md ---
const server = setupServer(...createMswHandlers());
const recorder = recordPacts(server, { consumer: 'fleet-app' });
const pacts = mkdtempSync(join(tmpdir(), 'pacts-')); // in an app: 'pacts'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(async () => {
  server.close();
  const file = await recorder.write(pacts); // pacts/fleet-app-emabler-add-location.json
  expect(recorder.issues).toEqual([]); // nothing the spec would refuse
  console.log(`recorded ${file}`);
});

it('adds a location', async () => {
  const client = createLocationsClient({ baseUrl: 'https://api.emabler.net/api', apiKey: 'demo-api-key' });
  const result = await client.addLocation('int-tampere-roaming', {
    name: 'Hatanpää',
    timezone: 'Europe/Helsinki',
  });
  expect(result.ok).toBe(true);
});
// --- end of example ---

it('is the example the guide shows, word for word', () => {
  const source = readFileSync(new URL(import.meta.url), 'utf8');
  const example =
    /\/\/ --- example: [^\n]*\n([\s\S]*?)\/\/ --- end of example ---/.exec(source)?.[1] ?? 'missing';
  const guide = readFileSync(new URL('../../docs/proxy-and-recording.md', import.meta.url), 'utf8');
  expect(guide).toContain(example.trim());
});
