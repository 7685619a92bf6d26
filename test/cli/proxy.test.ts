import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveMock } from '../../mock/server/node-server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const demo = JSON.parse(readFileSync(join(root, 'mock/fixtures/demo.json'), 'utf8')) as {
  customers: { apiKeys: string[]; integrations: string[] }[];
};
const apiKey = demo.customers[0]?.apiKeys[0] as string;
const path = `/integrations/${demo.customers[0]?.integrations[0]}/locations`;

/** The built CLI's proxy on a free port; resolves once its banner names the url. */
async function startProxy(args: string[]) {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(root, 'dist/src/cli/main.js'), 'proxy', '-p', '0', ...args],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const found = () => /listening on (http:\/\/\S+)/.exec(out)?.[1];
  while (!found() && child.exitCode === null)
    await Promise.race([once(child.stdout ?? child, 'data'), once(child, 'exit')]);
  const url = found();
  if (!url) throw new Error(`the proxy did not start: ${out}${err}`);
  return {
    url,
    output: () => out + err,
    async stop(): Promise<number | null> {
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      return code;
    },
  };
}

const post = (base: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('ocpi-location-kit proxy', () => {
  let mock: Awaited<ReturnType<typeof serveMock>>;
  beforeAll(async () => {
    mock = await serveMock({ port: 0 });
  });
  afterAll(() => mock.close());

  it('writes the report on SIGTERM and exits 1 when an exchange broke the spec', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ocpi-proxy-'));
    const report = join(dir, 'report.json');
    const proxy = await startProxy([
      '--upstream',
      mock.url,
      '--report',
      report,
      '--record-pacts',
      join(dir, 'pacts'),
    ]);
    for (let i = 0; i < 3; i++)
      expect((await post(proxy.url, `{"name":"Site ${i}"}`, { 'x-api-key': apiKey })).status).toBe(200);
    expect((await post(proxy.url, '{"parkingType":"CAR_PARK"}', { 'x-api-key': apiKey })).status).toBe(400);
    expect(await proxy.stop()).toBe(1);
    const written = JSON.parse(readFileSync(report, 'utf8'));
    expect(written).toMatchObject({
      command: 'proxy',
      ok: false,
      summary: { exchanges: 4, requestViolations: 1 },
    });
    const pact = readFileSync(join(dir, 'pacts/recorded-consumer-emabler-add-location.json'), 'utf8');
    expect(JSON.parse(pact).interactions.map((i: { description: string }) => i.description)).toEqual([
      'addLocation: 200 for a valid location',
      'addLocation: 400 for a location whose /parkingType breaks enum',
    ]);
    for (const text of [proxy.output(), JSON.stringify(written), pact]) expect(text).not.toContain(apiKey);
  });

  it('exits 0 with a JUnit report when every exchange kept to the spec', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'ocpi-proxy-')), 'report.xml');
    const proxy = await startProxy(['--upstream', mock.url, '--report', report, '--format', 'junit']);
    expect((await post(proxy.url, '{}', { 'x-api-key': apiKey })).status).toBe(200);
    expect(await proxy.stop()).toBe(0);
    expect(readFileSync(report, 'utf8')).toContain('name="1 exchange without a violation"');
  });

  it('refuses an upstream that is not an http(s) URL with exit 2', async () => {
    const child = spawn(
      process.execPath,
      [join(root, 'dist/src/cli/main.js'), 'proxy', '--upstream', 'ftp://x'],
      { cwd: root },
    );
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
    expect(err).toMatch(/--upstream must be an http\(s\) URL/);
  });
});
