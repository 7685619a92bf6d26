import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMock } from '../../mock/server/node-server.ts';
import { createMockAdmin } from '../../src/pact/mock-admin.ts';
import { projectPactFile } from '../../src/pact/participants.ts';
import { verifyProvider } from '../../src/pact/verify-provider.ts';
import { demo } from '../support/demo.ts';

type Interaction = {
  description: string;
  providerStates?: { name: string; params?: Record<string, unknown> }[];
  request: { path: string; generators?: Record<string, unknown> };
};

const dir = mkdtempSync(join(tmpdir(), 'ocpi-bites-'));
const committed = JSON.parse(readFileSync(projectPactFile, 'utf8')) as { interactions: Interaction[] };

/** Writes a pact with only the interactions `pick` returns (changed as it likes), and returns its path. */
function pactWith(name: string, pick: (interactions: Interaction[]) => Interaction[]): string {
  const pact = structuredClone(committed);
  pact.interactions = pick(pact.interactions);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(pact));
  return file;
}
const unknownIntegration = (interactions: Interaction[]) => {
  const found = interactions.find((i) => i.description === 'a request for an unknown integration');
  if (!found) throw new Error('the committed pact lost its 404 interaction');
  return found;
};

let mock: Awaited<ReturnType<typeof serveMock>>;
let liar: Server;
let liarUrl: string;
beforeAll(async () => {
  mock = await serveMock({ port: 0, host: '127.0.0.1' });
  // A provider that misbehaves: the mock behind it, except that every 404 becomes a 200 with an id.
  liar = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(new URL(req.url ?? '/', mock.url), {
      method: req.method ?? 'GET',
      headers: Object.entries(req.headers).flatMap(([k, v]) =>
        typeof v === 'string' ? [[k, v] as [string, string]] : [],
      ),
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const text = await answer.text();
    if (answer.status === 404) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"Loc-1"}');
    } else {
      res
        .writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' })
        .end(text);
    }
  });
  await new Promise<void>((done) => liar.listen(0, '127.0.0.1', done));
  liarUrl = `http://127.0.0.1:${(liar.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((done) => liar?.close(done));
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('provider verification', () => {
  it('fails when a pact wants 404 for an integration the customer has', async () => {
    const file = pactWith('404-for-known', (all) => {
      const wrong = unknownIntegration(all);
      wrong.request.path = '/integrations/int-tampere-roaming/locations';
      delete wrong.request.generators;
      for (const state of wrong.providerStates ?? []) state.params = { apiKey: demo.apiKey };
      return [wrong];
    });
    const admin = createMockAdmin(mock.url);
    const result = await verifyProvider({ providerBaseUrl: mock.url, pactFiles: [file], setup: admin });
    expect(result.ok).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.mismatches.join(' ')).toContain('expected 404 but was 200');
  });

  it('fails when the provider answers 200 where the pact wants 404', async () => {
    const result = await verifyProvider({ providerBaseUrl: liarUrl, pactFiles: [projectPactFile] });
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => f.interaction)).toEqual([
      expect.stringContaining('a request for an unknown integration'),
    ]);
  });
});

describe('ocpi-location-kit verify', () => {
  const run = promisify(execFile);
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['dist/src/cli/main.js', 'verify', ...args], {
        env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('exits 0 for the project pacts against the mock', async () => {
    const { code, stdout, stderr } = await cli('--provider-base-url', mock.url);
    expect(code).toBe(0);
    expect(stderr).toContain("states set up through the mock's /__mock endpoints");
    expect(stdout).toMatch(new RegExp(`PASS: (\\d+) of \\1 interactions verified against ${mock.url}`));
    // pact-core's own INFO chatter ("Verifying Pacts.") stays out of the report at the default level.
    expect(stdout).not.toMatch(/\bINFO\b/);
  });

  it('exits 1 and names the interaction when the provider misbehaves', async () => {
    const { code, stdout } = await cli('--provider-base-url', liarUrl);
    expect(code).toBe(1);
    expect(stdout).toMatch(new RegExp(`FAIL: 1 of \\d+ interactions failed against ${liarUrl}`));
    expect(stdout).toMatch(/- Given .* - a request for an unknown integration: .*expected 404 but was 200/);
  });

  it('exits 2 at once, with the reason, when the provider cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as { port: number };
    await new Promise((done) => closed.close(done));
    const { code, stdout } = await cli('--provider-base-url', `http://127.0.0.1:${port}`);
    expect(code).toBe(2);
    expect(stdout).toContain(`cannot reach the provider at http://127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('exits 2 without a provider URL', async () => {
    const { code, stderr } = await cli('--pacts', projectPactFile);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'ocpi-location-kit: verify: --provider-base-url is required (see ocpi-location-kit verify --help)\n',
    );
  });
});
