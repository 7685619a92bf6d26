// `npm run bench:probe`: the probe's detection score over the planted bugs, its false alarms on correct
// providers (the mock and one written apart), requests and seconds per run; then, in the same run and on the same
// providers, what Specmatic does with openapi.yaml and no configuration. Dev-only: not part of `npm test`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveMock } from '../../mock/server/node-server.ts';
import { probeProvider } from '../../src/core/probe/probe.ts';
import type { ProbeCredentials } from '../../src/core/probe/types.ts';
import { startPlainProvider } from '../../test/core/probe/providers/plain-provider.ts';
import { planted, plantedOpen, v2 } from '../../test/core/probe/providers/planted.ts';
import { providerCredentials, startProvider } from '../../test/core/probe/providers/provider.ts';
import { demo } from '../../test/support/demo.ts';
import { recordFigures } from '../doc-figures.ts';

recordFigures('probe');

const root = fileURLToPath(new URL('../..', import.meta.url));
const specmaticVersion = '2.55.1';
const specmaticSeconds = Number(process.env.BENCH_SPECMATIC_SECONDS ?? 30);
const maxResponseTimeMs = 250;

interface Provider {
  name: string;
  url: string;
  credentials: ProbeCredentials;
  integrationId: string;
  /** The check that must fail; undefined for a correct provider (any failure is a false alarm). */
  expect?: string;
  /** Probed with --strict (a bug only against this project's choices where the spec leaves the status open). */
  strict?: boolean;
  close(): Promise<void>;
}

async function providers(): Promise<Provider[]> {
  const mock = await serveMock({ port: 0, host: '127.0.0.1' });
  const list: Provider[] = [
    {
      name: 'mock (correct)',
      url: mock.url,
      credentials: { apiKey: demo.apiKey },
      integrationId: demo.integration,
      close: () => mock.close(),
    },
  ];
  const correct = await startProvider();
  list.push({
    name: 'written apart (correct)',
    ...correct,
    credentials: v2,
    integrationId: providerCredentials.integrationId,
  });
  const plain = await startPlainProvider();
  list.push({
    name: 'plain, from the spec (correct)',
    ...plain,
    credentials: v2,
    integrationId: providerCredentials.integrationId,
  });
  for (const [bug, check] of plantedOpen) {
    const provider = await startProvider(bug);
    list.push({
      name: `${bug} (--strict)`,
      ...provider,
      credentials: v2,
      integrationId: providerCredentials.integrationId,
      expect: check,
      strict: true,
    });
  }
  for (const [bug, check, credentials = v2] of planted) {
    const provider = await startProvider(bug);
    list.push({
      name: bug,
      ...provider,
      credentials,
      integrationId: providerCredentials.integrationId,
      expect: check,
    });
  }
  return list;
}

const pad = (text: string | number, width: number) => String(text).padEnd(width);

async function main(): Promise<void> {
  const all = await providers();
  const rows: { provider: Provider; verdict: string; failed: string[]; requests: number; seconds: number }[] =
    [];
  for (const provider of all) {
    const result = await probeProvider({
      baseUrl: provider.url,
      credentials: provider.credentials,
      integrationId: provider.integrationId,
      seed: 1,
      maxResponseTimeMs,
      strict: provider.strict === true,
    });
    const failed: string[] = [
      ...new Set(result.results.flatMap((r) => r.checks.filter((c) => !c.ok).map((c) => c.id))),
    ];
    const verdict =
      provider.expect === undefined
        ? failed.length === 0
          ? 'no finding'
          : 'FALSE ALARM'
        : failed.includes(provider.expect)
          ? 'detected'
          : 'MISSED';
    rows.push({ provider, verdict, failed, requests: result.requests, seconds: result.durationMs / 1000 });
  }
  const bugs = rows.filter((row) => row.provider.expect !== undefined);
  const correct = rows.filter((row) => row.provider.expect === undefined);
  console.log(`probe (seed 1, --max-response-time ${maxResponseTimeMs}):`);
  console.log(
    `  ${pad('provider', 36)}${pad('expected check', 30)}${pad('verdict', 13)}${pad('requests', 10)}seconds`,
  );
  for (const row of rows)
    console.log(
      `  ${pad(row.provider.name, 36)}${pad(row.provider.expect ?? '-', 30)}${pad(row.verdict, 13)}${pad(row.requests, 10)}${row.seconds.toFixed(2)}`,
    );
  const detected = bugs.filter((row) => row.verdict === 'detected').length;
  const alarms = correct.filter((row) => row.verdict !== 'no finding').length;
  const requests = rows.reduce((sum, row) => sum + row.requests, 0);
  const seconds = rows.reduce((sum, row) => sum + row.seconds, 0);
  console.log(
    `  detection: ${detected} of ${bugs.length} planted bugs; false alarms: ${alarms} of ${correct.length} correct providers`,
  );
  console.log(
    `  per run: ${Math.round(requests / rows.length)} requests in ${(seconds / rows.length).toFixed(2)} s on average (${requests} requests, ${seconds.toFixed(1)} s for all ${rows.length} runs)`,
  );
  console.log('');
  await specmatic(all);
  for (const provider of all) await provider.close();
}

/** Specmatic on every provider, capped per provider; skipped with one line when Java or the package is missing. */
async function specmatic(all: Provider[]): Promise<void> {
  if (spawnSync('java', ['-version']).status !== 0) {
    console.log('specmatic: skipped (no Java; apt-get install -y openjdk-17-jre-headless)');
    return;
  }
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'ocpi-location-kit', 'bench');
  const jar = join(cache, 'node_modules', 'specmatic', 'specmatic.jar');
  if (!existsSync(jar)) {
    mkdirSync(cache, { recursive: true });
    const installed = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefix', cache, `specmatic@${specmaticVersion}`],
      { encoding: 'utf8' },
    );
    if (installed.status !== 0 || !existsSync(jar)) {
      console.log(`specmatic: skipped (npm install specmatic@${specmaticVersion} failed: no network?)`);
      return;
    }
  }
  console.log(
    `specmatic ${specmaticVersion} (openapi.yaml, no configuration, at most ${specmaticSeconds} s per provider):`,
  );
  console.log(
    `  ${pad('provider', 36)}${pad('requests', 10)}${pad('failed', 8)}${pad('passed', 8)}${pad('finished', 10)}seconds`,
  );
  for (const provider of all) {
    const run = await runSpecmatic(jar, provider.url);
    console.log(
      `  ${pad(provider.name, 36)}${pad(run.requests, 10)}${pad(run.failed, 8)}${pad(run.passed, 8)}${pad(run.finished ? 'yes' : 'no (cap)', 10)}${run.seconds.toFixed(1)}`,
    );
  }
}

function runSpecmatic(
  jar: string,
  url: string,
): Promise<{ requests: number; failed: number; passed: number; finished: boolean; seconds: number }> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn('java', ['-jar', jar, 'test', `--testBaseURL=${url}`, join(root, 'openapi.yaml')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), specmaticSeconds * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({
        requests: out.match(/^\s*Request to /gm)?.length ?? 0,
        failed: out.match(/ has FAILED$/gm)?.length ?? 0,
        passed: out.match(/ has SUCCEEDED$/gm)?.length ?? 0,
        finished: signal === null && code !== null,
        seconds: (performance.now() - started) / 1000,
      });
    });
  });
}

await main();
