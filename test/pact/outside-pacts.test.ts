import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMock } from '../../mock/server/node-server.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { comparePacts } from '../../src/pact/compare-pacts.ts';
import { createMockAdmin } from '../../src/pact/mock-admin.ts';
import { readPacts } from '../../src/pact/read-pacts.ts';
import { verifyProvider } from '../../src/pact/verify-provider.ts';

// A partner's pact, written by hand in Pact V2 with its own state names and literal credentials: the tools
// must serve pacts this project never wrote.
const partnerPact = (status: number, integration: string) => ({
  consumer: { name: 'partner-portal' },
  provider: { name: 'emabler-add-location' },
  interactions: [
    {
      description: 'add a minimal Oulu site',
      providerState: 'the partner integration exists',
      request: {
        method: 'POST',
        path: '/integrations/int-partner/locations',
        headers: { 'x-api-key': 'partner-key', 'Content-Type': 'application/json' },
        body: {
          name: 'Kauppatori Oulu',
          coordinates: { latitude: '65.013400', longitude: '25.465300' },
          timezone: 'Europe/Helsinki',
        },
      },
      response: {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: { id: 'Loc-1' },
        matchingRules: { '$.body.id': { match: 'regex', regex: '^Loc-[A-Za-z0-9-]+$' } },
      },
    },
    {
      description: `add a location to ${integration}`,
      request: {
        method: 'POST',
        path: `/integrations/${integration}/locations`,
        headers: { 'x-api-key': 'partner-key', 'Content-Type': 'application/json' },
        body: { name: 'Somewhere' },
      },
      response: { status },
    },
  ],
  metadata: { pactSpecification: { version: '2.0.0' } },
});

const dir = mkdtempSync(join(tmpdir(), 'ocpi-outside-'));
const write = (name: string, pact: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(pact));
  return file;
};
const good = write('partner-good.json', partnerPact(404, 'int-somebody-elses'));
const bad = write('partner-bad.json', partnerPact(200, 'int-somebody-elses'));

// Bodies pact-js's proxy used to mangle (verify no longer goes through it): `{}` went out empty under
// Content-Length 2, and `55.0` went out as `55` under the verifier's length, so the mock waited for bytes that
// never came. Written as text to keep `55.0`.
const bodyInteraction = (description: string, body: string) =>
  `{"description":"${description}","request":{"method":"POST","path":"/integrations/int-partner/locations",` +
  `"headers":{"x-api-key":"partner-key","Content-Type":"application/json"},"body":${body}},` +
  `"response":{"status":200,"body":{"id":"Loc-1"},"matchingRules":{"$.body.id":{"match":"regex","regex":"^Loc-[A-Za-z0-9-]+$"}}}}`;
const bodies = join(dir, 'partner-bodies.json');
writeFileSync(
  bodies,
  `{"consumer":{"name":"partner-portal"},"provider":{"name":"emabler-add-location"},"interactions":[${[
    bodyInteraction('add an empty object', '{}'),
    bodyInteraction(
      'add a site whose energy shares are written as decimals',
      '{"name":"Pyynikki","locationEnergyMix":{"energySources":[{"source":"WIND","percentage":55.0},{"source":5,"percentage":45.0}]}}',
    ),
  ].join(',')}],"metadata":{"pactSpecification":{"version":"2.0.0"}}}`,
);

// Bodies pact-js's proxy answered itself, with an HTML 400, before the provider saw them: JSON it could not parse
// and JSON primitives (body-parser's strict mode). A Pact V4 body is JSON unless encoded, so the malformed one is
// written in base64 to reach the provider byte for byte.
const badJsonInteraction = (description: string, body: { content: unknown; encoded: false | 'base64' }) => ({
  type: 'Synchronous/HTTP',
  description,
  request: {
    method: 'POST',
    path: '/integrations/int-partner/locations',
    headers: { 'x-api-key': ['partner-key'], 'content-type': ['application/json'] },
    body: { ...body, contentType: 'application/json' },
  },
  response: {
    status: 400,
    headers: { 'content-type': ['text/plain'] },
    body: { content: 'Something went wrong', contentType: 'text/plain', encoded: false },
  },
});
const badJson = (interaction: ReturnType<typeof badJsonInteraction>) =>
  write(`partner-${interaction.description.replaceAll(' ', '-')}.json`, {
    consumer: { name: 'partner-portal' },
    provider: { name: 'emabler-add-location' },
    interactions: [interaction],
    metadata: { pactSpecification: { version: '4.0' } },
  });
const malformed = badJson(
  badJsonInteraction('add a site cut off mid-object', {
    content: Buffer.from('{"name":"Hatanpää",').toString('base64'),
    encoded: 'base64',
  }),
);
const primitive = badJson(badJsonInteraction('add the number 42', { content: 42, encoded: false }));

let mock: Awaited<ReturnType<typeof serveMock>>;
beforeAll(async () => {
  // What `ocpi-location-kit mock --api-key partner-key --integration int-partner` starts.
  mock = await serveMock({
    port: 0,
    host: '127.0.0.1',
    apiKeys: ['partner-key'],
    integrations: ['int-partner'],
  });
});
afterAll(async () => {
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("a partner's pact", () => {
  it('passes verification against a mock given its credentials', async () => {
    const result = await verifyProvider({
      providerBaseUrl: mock.url,
      pactFiles: [good],
      setup: createMockAdmin(mock.url),
    });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('passes verification when a request sends {} or a number written as 55.0', async () => {
    const result = await verifyProvider({ providerBaseUrl: mock.url, pactFiles: [bodies] });
    expect(result.failures).toEqual([]);
    expect(result.interactions).toHaveLength(2);
    expect(result.ok).toBe(true);
  }, 20_000);

  it('passes verification of an interaction that sends malformed JSON and expects 400', async () => {
    const result = await verifyProvider({ providerBaseUrl: mock.url, pactFiles: [malformed] });
    expect(result.failures).toEqual([]);
    expect(result.interactions).toEqual([
      expect.objectContaining({ description: 'add a site cut off mid-object', ok: true }),
    ]);
    expect(result.ok).toBe(true);
  });

  it('passes verification of an interaction that sends the JSON primitive 42 and expects 400', async () => {
    const result = await verifyProvider({ providerBaseUrl: mock.url, pactFiles: [primitive] });
    expect(result.failures).toEqual([]);
    expect(result.interactions).toEqual([
      expect.objectContaining({ description: 'add the number 42', ok: true }),
    ]);
    expect(result.ok).toBe(true);
  });

  it('fails verification when it expects 200 for an unknown integration', async () => {
    const result = await verifyProvider({ providerBaseUrl: mock.url, pactFiles: [bad] });
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => f.interaction)).toEqual([
      expect.stringContaining('add a location to int-somebody-elses'),
    ]);
  });

  it('passes compare', async () => {
    const [result] = await comparePacts(loadSpec(), readPacts(good));
    expect(result?.findings).toEqual([]);
  });
});
