import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../mock/server/node-server.ts';
import { providerName } from '../../src/pact/participants.ts';
import { kitPact, offers, partnerPact, pending, selected, wip } from './broker-pacts.ts';
import { type BrokerStandIn, type OfferedPact, serveBrokerStandIn } from './broker-stand-in.ts';

// The broker flow is tested against a stand-in of the Pact Broker's HAL API (broker-stand-in.ts), not a real
// broker: what is held here is what the native verifier asks and publishes. The provider is the project's mock.
let mock: RunningMock;
let broker: BrokerStandIn;
beforeAll(async () => {
  mock = await serveMock({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await mock?.close();
});
afterEach(async () => {
  await broker?.close();
});

/** Runs `verify` against the mock with pacts from a fresh stand-in broker offering `offered`. */
async function verify(offered: OfferedPact[], args: string[], env: Record<string, string> = {}) {
  broker = await serveBrokerStandIn(providerName, offered);
  const argv = [
    'dist/src/cli/main.js',
    'verify',
    '--provider-base-url',
    mock.url,
    '--broker-url',
    broker.url,
  ];
  const clean: NodeJS.ProcessEnv = { ...process.env, PACT_DO_NOT_TRACK: 'true' };
  for (const name of ['PACT_BROKER_TOKEN', 'PACT_BROKER_BASE_URL', 'NO_COLOR', 'FORCE_COLOR'])
    delete clean[name];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...argv, ...args], {
      env: { ...clean, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const selectorArgs = [
  '--consumer-version-selectors',
  '{"mainBranch":true}',
  '--consumer-version-selectors',
  '{"deployedOrReleased":true}',
];
const publishArgs = ['--publish', '--provider-version', 'abc123', '--provider-branch', 'main'];

describe('verify with pacts from a Pact Broker (a stand-in of its API)', () => {
  it('sends the selectors, pending, WIP and branch, with the token on every request, and publishes a success', async () => {
    const run = await verify(
      [offers[0] as OfferedPact],
      [...selectorArgs, '--enable-pending', '--include-wip-pacts-since', '2026-01-01', ...publishArgs],
      { PACT_BROKER_TOKEN: 'ci-token-1' },
    );
    expect(run.code).toBe(0);
    expect(broker.forVerification()).toEqual({
      consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }],
      includePendingStatus: true,
      includeWipPactsSince: '2026-01-01',
      providerVersionBranch: 'main',
    });
    expect(broker.requests.length).toBeGreaterThanOrEqual(6);
    expect(broker.requests.map((r) => r.headers.authorization)).toEqual(
      broker.requests.map(() => 'Bearer ci-token-1'),
    );
    expect(broker.branchVersions()).toEqual(['main/versions/abc123']);
    expect(broker.results()).toEqual([
      {
        consumer: kitPact.consumer.name,
        body: expect.objectContaining({ success: true, providerApplicationVersion: 'abc123' }),
      },
    ]);
    expect(run.stdout).toMatch(/^PASS: (\d+) of \1 interactions verified against/m);
    expect(run.stdout).not.toContain('ci-token-1');
    expect(run.stderr).not.toContain('ci-token-1');
  });

  it('sends the recommended selectors when none are given', async () => {
    const run = await verify([offers[0] as OfferedPact], ['--provider-branch', 'feat-x'], {
      PACT_BROKER_TOKEN: 'ci-token-1',
    });
    expect(run.code).toBe(0);
    expect(broker.forVerification()?.consumerVersionSelectors).toEqual([
      { mainBranch: true },
      { deployedOrReleased: true },
      { matchingBranch: true },
    ]);
  });

  it('authenticates with basic auth from --broker-username and $PACT_BROKER_PASSWORD', async () => {
    const run = await verify([offers[0] as OfferedPact], ['--broker-username', 'ci'], {
      PACT_BROKER_PASSWORD: 'pw-42',
    });
    expect(run.code).toBe(0);
    const basic = `Basic ${Buffer.from('ci:pw-42').toString('base64')}`;
    expect(new Set(broker.requests.map((r) => r.headers.authorization))).toEqual(new Set([basic]));
  });

  it('reports a pending pact’s failure as pending without failing the run, and prints the notices', async () => {
    const run = await verify(offers, ['--enable-pending', '--include-wip-pacts-since', '2026-01-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(pending);
    expect(run.stdout).toContain(wip);
    expect(run.stdout).toContain('latest version from the main branch');
    expect(run.stdout).toMatch(
      /^PASS: \d+ of \d+ interactions verified against .*; 1 pending failure, not fatal$/m,
    );
    expect(run.stdout).toMatch(
      /^ {2}- pending Given .* - an unknown integration answered 201: expected 201 but was 404$/m,
    );
  });

  it('marks pending and WIP interactions in JUnit, a pending failure as skipped', async () => {
    const run = await verify(offers, [
      '--enable-pending',
      '--include-wip-pacts-since',
      '2026-01-01',
      '--format',
      'junit',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<\?xml /);
    expect(run.stdout).toContain('failures="0" skipped="1"');
    expect(run.stdout).toContain(
      '<testcase classname="web-pending" name="an unknown integration answered 201">\n      <properties><property name="pending" value="true"/></properties>\n      <skipped message="pending: expected 201 but was 404"/>',
    );
    expect(run.stdout).toContain(
      '<property name="pending" value="true"/><property name="wip" value="true"/>',
    );
    // The notices are diagnostics beside a machine-read report.
    expect(run.stderr).toContain(pending);
  });

  it('fails the run and publishes the failure when a pact that is not pending breaks', async () => {
    const breaking = { consumer: 'web-main', pact: partnerPact('web-main'), notices: [selected] };
    const run = await verify([breaking], [...publishArgs, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ command: 'verify', ok: false, summary: { errors: 1, warnings: 0 } });
    expect(report.results).toEqual([
      expect.objectContaining({
        consumer: 'web-main',
        ok: false,
        pending: false,
        mismatches: ['expected 201 but was 404'],
      }),
    ]);
    expect(broker.results()).toEqual([
      { consumer: 'web-main', body: expect.objectContaining({ success: false }) },
    ]);
  });

  it.each([
    [
      ['--consumer-version-selectors', '{mainBranch:true}'],
      '--consumer-version-selectors: "{mainBranch:true}" is not JSON',
    ],
    [['--consumer-version-selectors', '{"mainBrunch":true}'], 'has no selector property mainBrunch'],
    [['--publish'], '--publish needs --provider-version'],
    [['--broker-token', 't', '--broker-username', 'u', '--broker-password', 'p'], 'not both'],
    [['--include-wip-pacts-since', 'last week'], 'must be a date (YYYY-MM-DD)'],
  ])('refuses %j with one line and exit 2 before asking the broker', async (args, message) => {
    const run = await verify([], args);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(broker.requests).toEqual([]);
  });
});

describe('can-i-deploy and record-deployment (npm scripts, the pact-broker CLI) after verify', () => {
  /** Runs one of the project's npm scripts against the stand-in, for the provider's version abc123. */
  async function script(name: string) {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PACT_BROKER_BASE_URL: broker.url,
      PACT_BROKER_TOKEN: 'ci-token-1',
      PACT_PACTICIPANT: providerName,
      PACT_VERSION: 'abc123',
      PACT_ENVIRONMENT: 'production',
    };
    try {
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', name], { env });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, stdout: failed.stdout };
    }
  }

  it('lets a verified provider version deploy, and records the deployment', async () => {
    const run = await verify([offers[0] as OfferedPact], publishArgs, { PACT_BROKER_TOKEN: 'ci-token-1' });
    expect(run.code).toBe(0);
    const asked = await script('pact:can-i-deploy');
    expect(asked.code).toBe(0);
    const matrix = broker.requests.find((r) => r.path === '/matrix');
    expect(matrix?.headers.authorization).toBe('Bearer ci-token-1');
    const recorded = await script('pact:record-deployment');
    expect(recorded.code).toBe(0);
    expect(broker.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/pacticipants/${providerName}/versions/abc123/deployed-versions/environment/production`,
    });
  });

  it('stops a provider version whose published verification failed', async () => {
    const breaking = { consumer: 'web-main', pact: partnerPact('web-main'), notices: [selected] };
    const run = await verify([breaking], publishArgs, { PACT_BROKER_TOKEN: 'ci-token-1' });
    expect(run.code).toBe(1);
    expect((await script('pact:can-i-deploy')).code).toBe(1);
  });
});
