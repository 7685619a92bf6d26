import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { serveMock } from '../mock/server/node-server.ts';
import { createMockAdmin } from '../src/pact/mock-admin.ts';
import { projectPactFile } from '../src/pact/participants.ts';
import { providerStates, type StateOverrides } from '../src/pact/provider-states.ts';
import { verifyProvider } from '../src/pact/verify-provider.ts';

/** The committed pact without one interaction (the v1 one, whose credentials a v2-only partner cannot supply). */
function pactWithout(description: string): string {
  const pact = JSON.parse(readFileSync(projectPactFile, 'utf8')) as {
    interactions: { description: string }[];
  };
  pact.interactions = pact.interactions.filter((i) => i.description !== description);
  const file = join(mkdtempSync(join(tmpdir(), 'ocpi-provider-')), 'v2-only.json');
  writeFileSync(file, JSON.stringify(pact));
  return file;
}

/** Verifies the committed pact against a mock, with states set up through its /__mock routes. */
function verifyThroughAdmin(url: string, overrides?: StateOverrides) {
  const admin = createMockAdmin(url);
  return verifyProvider({
    providerBaseUrl: url,
    pactFiles: [projectPactFile],
    setup: admin,
    beforeEach: admin.reset,
    ...(overrides ? { overrides } : {}),
  });
}

// The committed pacts are verified (not the ones the consumer test may be rewriting), so file order never matters.
describe('the mock, as the provider of the committed pacts', () => {
  let mock: Awaited<ReturnType<typeof serveMock>>;
  beforeAll(async () => {
    mock = await serveMock({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it('honours every interaction, with states set up through /__mock', async () => {
    const result = await verifyThroughAdmin(mock.url);
    expect(result.failures).toEqual([]);
    expect(result.interactions.length).toBeGreaterThanOrEqual(7);
    expect(result.interactions.filter((i) => !i.ok)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('keeps loopback calls off an HTTP proxy the environment names', async () => {
    // A proxy that refuses every connection: a call sent through it would fail the verification.
    const saved = {
      HTTP_PROXY: process.env.HTTP_PROXY,
      NO_PROXY: process.env.NO_PROXY,
      no: process.env.no_proxy,
    };
    onTestFinished(() => {
      for (const [name, value] of [
        ['HTTP_PROXY', saved.HTTP_PROXY],
        ['NO_PROXY', saved.NO_PROXY],
        ['no_proxy', saved.no],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    });
    process.env.HTTP_PROXY = 'http://127.0.0.1:9';
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const result = await verifyThroughAdmin(mock.url);
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
    expect(String(process.env.NO_PROXY).split(',')).toEqual(
      expect.arrayContaining(['127.0.0.1', 'localhost']),
    );
  });

  it('honours every interaction with credentials and an integration the pacts never mention', async () => {
    // The states create this customer through /__mock/fixtures and inject its values into the requests. The mock
    // knows no customer at start, so the pacts' example credentials would get 401: only injected values pass.
    const fixtures = join(mkdtempSync(join(tmpdir(), 'ocpi-provider-')), 'no-customers.json');
    writeFileSync(fixtures, '{"customers":[]}');
    const bare = await serveMock({ port: 0, host: '127.0.0.1', fixtures });
    onTestFinished(() => bare.close());
    const result = await verifyThroughAdmin(bare.url, {
      apiKey: 'pact-fixture-key',
      code: 'pact-fixture-code',
      clientId: 'pact-fixture-customer',
      integrationId: 'int-pact-fixture',
    });
    expect(result.failures).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("takes the values from the provider's own state endpoint (--state-setup-url)", async () => {
    // A provider that sets states up itself answers with the values to inject; here it names a key and an
    // integration that the mock learnt at start-up (as with `mock --api-key --integration`).
    const partner = await serveMock({
      port: 0,
      host: '127.0.0.1',
      apiKeys: ['partner-key'],
      integrations: ['int-partner'],
    });
    const seen: string[] = [];
    const states = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        const { state } = JSON.parse(body) as { state: string };
        seen.push(state);
        // Each state gets its own answer: a real integration where one must exist, only the key where not.
        const values =
          state === providerStates.integrationExists
            ? { apiKey: 'partner-key', integrationId: 'int-partner' }
            : state === providerStates.integrationUnknown
              ? { apiKey: 'partner-key' }
              : {};
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(values));
      });
    });
    await new Promise<void>((done) => states.listen(0, '127.0.0.1', done));
    try {
      const { port } = states.address() as { port: number };
      const onlyV2 = pactWithout('a v1 request to add an empty location with excludeChargers=true');
      const result = await verifyProvider({
        providerBaseUrl: partner.url,
        pactFiles: [onlyV2],
        stateSetupUrl: `http://127.0.0.1:${port}/provider-states`,
      });
      expect(result.failures).toEqual([]);
      expect(result.ok).toBe(true);
      expect(seen).toContain(providerStates.integrationExists);
    } finally {
      await new Promise((done) => states.close(done));
      await partner.close();
    }
  });
});
