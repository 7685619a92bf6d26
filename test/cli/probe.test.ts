import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bug, providerCredentials, startProvider } from '../core/probe/providers/provider.ts';
import { runCli } from './mock-process.ts';

// The `probe` command as users run it (the built dist/), against test providers started here on free ports.
const providers: Record<string, { url: string; close(): Promise<void> }> = {};
const bugs: (Bug | 'correct')[] = ['correct', 'created-201', 'text-plain-200'];

beforeAll(async () => {
  for (const bug of bugs) providers[bug] = await startProvider(bug === 'correct' ? undefined : bug);
});
afterAll(async () => {
  for (const provider of Object.values(providers)) await provider.close();
});

const probe = (bug: Bug | 'correct', ...args: string[]) =>
  runCli([
    'probe',
    '--provider-base-url',
    providers[bug]?.url as string,
    '--api-key',
    providerCredentials.apiKey,
    '--integration',
    providerCredentials.integrationId,
    ...args,
  ]);

interface JsonReport {
  ok: boolean;
  summary: { cases: number; requests: number; notSent: number; seed: number };
  results: { name: string; outcome: string; curl: string; failedChecks: { id: string }[] }[];
}

describe('ocpi-location-kit probe', () => {
  it('exits 0 with a PASS line when every check passes', async () => {
    const run = await probe('correct', '--seed', '5');
    expect(run.stdout).toMatch(
      /^PASS: \d+ of \d+ cases passed every check against http:\/\/127\.0\.0\.1:\d+ \(\d+ requests in [\d.]+ s, seed 5\)$/m,
    );
    expect(run.code).toBe(0);
  });

  it('exits 1 and names the check, the case and a curl command with the key redacted', async () => {
    const run = await probe('created-201');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FAIL example:completeSite \(a valid request\)$/m);
    expect(run.stdout).toContain('status_code_conformance: status 201 is not documented');
    expect(run.stdout).toMatch(/reproduce: curl -sS -i -X POST .* -H "x-api-key: \$PROBE_SECRET"/);
    expect(run.stdout).not.toContain(providerCredentials.apiKey);
  });

  it('shows the key in the curl commands only with --show-secrets', async () => {
    const run = await probe('created-201', '--show-secrets', '--only', 'example:minimal');
    expect(run.stdout).toContain(`-H 'x-api-key: ${providerCredentials.apiKey}'`);
  });

  it('exits 2 with one line when the provider cannot be reached', async () => {
    const closed = await closedPort();
    const run = await runCli([
      'probe',
      '--provider-base-url',
      `http://127.0.0.1:${closed}`,
      '--api-key',
      'k',
      '--integration',
      'i',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^ocpi-location-kit: probe: cannot reach http:\/\/127\.0\.0\.1:\d+: connection failed \(ECONNREFUSED\)\n$/,
    );
    expect(run.stdout).toBe('');
  });

  it('exits 2 on a usage mistake', async () => {
    const run = await runCli(['probe', '--provider-base-url', 'http://127.0.0.1:9', '--api-key', 'k']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'ocpi-location-kit: probe: --integration is required (see ocpi-location-kit probe --help)\n',
    );
  });

  it('lists the cases and sends nothing with --dry-run', async () => {
    const run = await runCli([
      'probe',
      '--dry-run',
      '--provider-base-url',
      'http://127.0.0.1:9',
      '--api-key',
      'k',
      '--integration',
      'i',
      '--seed',
      '3',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^401 - auth:none\+unknown-integration {2}\(no credentials and an unknown integration \(401 comes first\)\)$/m,
    );
    expect(run.stdout).toMatch(/^\d{3} cases \(dry run: nothing sent; seed 3\)$/m);
  });

  it('prints one JUnit testcase per case', async () => {
    const run = await probe('text-plain-200', '--format', 'junit');
    const tests = Number(/<testsuite name="probe [^"]+" tests="(\d+)"/.exec(run.stdout)?.[1]);
    expect(run.stdout.match(/<testcase /g)?.length).toBe(tests);
    expect(run.stdout).toContain('<failure message="content_type_conformance" type="probe">');
    expect(run.code).toBe(1);
  });

  it('sends the same requests in the same order under one seed, and other random bodies under another', async () => {
    const runs = await Promise.all(
      ['11', '11', '12'].map((seed) => probe('correct', '--format', 'json', '--seed', seed)),
    );
    const curls = runs.map((run) => (JSON.parse(run.stdout) as JsonReport).results.map((r) => r.curl));
    expect(curls[0]).toEqual(curls[1]);
    expect(curls[0]).not.toEqual(curls[2]);
  });

  it('keeps to --max-requests and reports the rest as not sent', async () => {
    const run = await probe('correct', '--format', 'json', '--max-requests', '10');
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary.requests).toBe(10);
    expect(report.summary.notSent).toBe(report.summary.cases - 10);
    expect(run.code).toBe(0);
  });

  it('runs only the cases named by --only and leaves out the checks named by --skip', async () => {
    const only = JSON.parse(
      (await probe('correct', '--format', 'json', '--only', 'enum:parkingType=*')).stdout,
    ) as JsonReport;
    expect(only.results.length).toBeGreaterThan(10);
    expect(only.results.every((r) => r.name.startsWith('enum:parkingType='))).toBe(true);
    const skipped = await probe('text-plain-200', '--skip', 'content_type_conformance');
    expect(skipped.code).toBe(0);
  });
});

/** A loopback port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
