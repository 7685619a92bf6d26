import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../mock/server/node-server.ts';
import { projectPactFile } from '../../src/pact/participants.ts';

const kitPact = JSON.parse(readFileSync(projectPactFile, 'utf8')) as {
  interactions: { description: string; request: { path: string } }[];
};
const dir = mkdtempSync(join(tmpdir(), 'ocpi-verify-output-'));
// The project's pact as a consumer pointed at https://api.emabler.net/api records it: every path under /api.
const underApi = join(dir, 'under-api.json');
writeFileSync(
  underApi,
  JSON.stringify({
    ...kitPact,
    interactions: kitPact.interactions.map((i) => ({
      ...i,
      request: { ...i.request, path: `/api${i.request.path}` },
    })),
  }),
);

let mock: RunningMock;
let prefixed: Server;
let prefixedUrl: string;
beforeAll(async () => {
  mock = await serveMock({ port: 0, host: '127.0.0.1' });
  // A provider that serves the API under /api, as eMabler does: it passes /api/... on to the mock without /api.
  prefixed = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/api(?=\/|$)/, '') || '/';
    const out = forward(`${mock.url}${path}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(out);
  });
  await new Promise<void>((done) => prefixed.listen(0, '127.0.0.1', done));
  prefixedUrl = `http://127.0.0.1:${(prefixed.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  prefixed?.closeAllConnections();
  await new Promise((done) => prefixed?.close(done));
  await mock?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function verify(args: string[], env: Record<string, string> = {}) {
  const clean: NodeJS.ProcessEnv = { ...process.env, PACT_DO_NOT_TRACK: 'true' };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'PACT_BROKER_BASE_URL']) delete clean[name];
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['dist/src/cli/main.js', 'verify', ...args],
      { env: { ...clean, ...env }, maxBuffer: 64 * 1024 * 1024 },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('verify --format', () => {
  it('junit writes one test case per interaction, and nothing else on stdout', async () => {
    const run = await verify([
      '--provider-base-url',
      mock.url,
      '--pacts',
      projectPactFile,
      '--format',
      'junit',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    const cases = [
      ...run.stdout.matchAll(/<testcase classname="ocpi-location-kit-client" name="([^"]+)"\/>/g),
    ];
    expect(cases.map((c) => c[1])).toEqual(kitPact.interactions.map((i) => i.description).sort());
    expect(run.stdout).toContain(`tests="${kitPact.interactions.length}" failures="0"`);
  });

  it('json prints the envelope with one result per interaction', async () => {
    const run = await verify([
      '--provider-base-url',
      mock.url,
      '--pacts',
      projectPactFile,
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ tool: 'ocpi-location-kit', command: 'verify', ok: true });
    expect(report.summary).toMatchObject({
      errors: 0,
      warnings: 0,
      interactions: kitPact.interactions.length,
    });
    expect(report.results).toHaveLength(kitPact.interactions.length);
  });
});

describe('verify output', () => {
  const args = () => ['--provider-base-url', mock.url, '--pacts', projectPactFile];

  it('has no colour codes when piped, nor with NO_COLOR', async () => {
    for (const env of [{}, { NO_COLOR: '1' }] as Record<string, string>[]) {
      const run = await verify(args(), env);
      expect(run.stdout).toContain('has status code 404 (OK)');
      expect(run.stdout + run.stderr).not.toContain('\x1b[');
    }
  });

  it('keeps the verifier’s colours with FORCE_COLOR', async () => {
    const run = await verify(args(), { FORCE_COLOR: '1' });
    expect(run.stdout).toContain('\x1b[32mOK\x1b[0m');
  });

  it("keeps pact-core's log lines out unless --log-level asks, then writes them to stderr", async () => {
    const quiet = await verify(args());
    expect(quiet.stdout + quiet.stderr).not.toMatch(/\b(INFO|WARN|ERROR)\b/);
    const asked = await verify([...args(), '--log-level', 'info']);
    expect(asked.code).toBe(0);
    expect(asked.stderr).toContain('INFO');
    expect(asked.stdout).not.toMatch(/\bINFO\b/);
  });
  it('keeps the secrets it was given out of the log lines it was asked for', async () => {
    const run = await verify([...args(), '--api-key', 'key-of-partner-7f3a', '--log-level', 'trace']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('***');
    expect(run.stdout + run.stderr).not.toContain('key-of-partner-7f3a');
  });
});

describe('verify of pacts written under a server base path', () => {
  it('replays /api/... against a provider whose base URL carries /api (auto)', async () => {
    const run = await verify(['--provider-base-url', prefixedUrl, '--pacts', underApi]);
    expect(run.stdout).toMatch(/^PASS: (\d+) of \1 interactions verified/m);
    expect(run.code).toBe(0);
  });

  it('replays /api/... without it against a provider at the root when told to', async () => {
    const run = await verify([
      '--provider-base-url',
      mock.url,
      '--pacts',
      underApi,
      '--strip-base-path',
      'always',
    ]);
    expect(run.code).toBe(0);
  });

  it('replays the paths as written when told never to strip them', async () => {
    const run = await verify([
      '--provider-base-url',
      prefixedUrl,
      '--pacts',
      underApi,
      '--strip-base-path',
      'never',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/FAIL: \d+ of \d+ interactions failed/);
  });
});

describe('verify usage', () => {
  it.each([
    [['--broker-url', 'http://127.0.0.1:9'], 'give --pacts or --broker-url, not both'],
    [['--enable-pending'], '--enable-pending needs pacts from a broker'],
    [
      ['--consumer-version-selectors', '{"mainBranch":true}'],
      '--consumer-version-selectors needs pacts from a broker',
    ],
  ])('refuses %j beside --pacts with one line and exit 2', async (args, message) => {
    const run = await verify(['--provider-base-url', mock.url, '--pacts', projectPactFile, ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`ocpi-location-kit: verify: ${message} (see ocpi-location-kit verify --help)\n`);
  });
});
