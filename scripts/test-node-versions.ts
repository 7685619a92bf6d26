// `npm run test:node`: the packaging test and the mock's behaviour tests under each Node the package supports
// (package.json `engines`). npm's `node-<platform>-<arch>` packages carry Node's binaries through the registry;
// each is installed in a temporary directory of its own, never in the project's node_modules, so `npm ci`'s
// state stays as the lockfile says.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The newest release of each supported line when this was written; bump with `engines`. */
const versions = ['20.20.2', '22.23.5', '24.22.3'];
const tests = ['test/package', 'test/msw', 'test/mock/behaviour.test.ts', 'test/mock/in-process.test.ts'];
const binaryPackage = `node-${process.platform}-${process.arch}`;

/** The path of a Node binary of `version`: this one if it matches, otherwise installed from the registry. */
function nodeBinary(version: string): string {
  if (process.version === `v${version}`) return process.execPath;
  const dir = join(tmpdir(), `ocpi-kit-node-${version}`);
  const binary = join(dir, 'node_modules', binaryPackage, 'bin', 'node');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  const install = ['i', '--no-save', '--no-audit', '--no-fund', `${binaryPackage}@${version}`];
  const installed = spawnSync('npm', install, { cwd: dir, stdio: 'inherit' });
  if (installed.status !== 0 || !existsSync(binary)) {
    throw new Error(`could not install ${binaryPackage}@${version} (is there a build for this platform?)`);
  }
  return binary;
}

const results: { version: string; ok: boolean; seconds: number }[] = [];
for (const version of versions) {
  const node = nodeBinary(version);
  process.stdout.write(`\n== Node ${version} (${node})\n`);
  const started = performance.now();
  // PATH first, so what the tests start (npm pack, npm install, `#!/usr/bin/env node`) runs this Node too.
  const run = spawnSync(node, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...tests], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` },
  });
  results.push({ version, ok: run.status === 0, seconds: Math.round((performance.now() - started) / 1000) });
}
process.stdout.write('\n| Node | result | time |\n|---|---|---|\n');
for (const r of results)
  process.stdout.write(`| ${r.version} | ${r.ok ? 'pass' : 'FAIL'} | ${r.seconds} s |\n`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
