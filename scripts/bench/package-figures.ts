// `npm run package:figures`: what the package costs a user, measured in one run on this machine. The tarball and
// what an install weighs with and without the optional parts; a cold `validate` from the installed package
// beside bare `node -e 0`; and the in-process cost per request through `mock.fetch` and MSW's `setupServer`,
// beside the HTTP mock's own CPU per request under load.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSpec } from '../../src/node/load-spec.ts';
import {
  installedPackages,
  installPacked,
  type PackedProject,
  projectRoot,
} from '../../test/package/packed-project.ts';
import { recordFigures } from '../doc-figures.ts';
import { median, runLoad } from './load.ts';
import { headers, integrationPath, startServer, treeCpuMs } from './servers.ts';

// The figures printed below are written into the docs when the run ends (`--json` leaves the docs alone).
recordFigures('package');

const spec = loadSpec();
const body = JSON.stringify(spec.operation.requestExamples.completeSite);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

function installedBytes(project: PackedProject): number {
  const du = spawnSync('du', ['-sb', join(project.dir, 'node_modules')], { encoding: 'utf8' });
  return Number(du.stdout.split('\t')[0]);
}

/** Median wall time of `runs` fresh processes of `args`, in ms. */
function coldMs(args: string[], runs: number, env: NodeJS.ProcessEnv = {}): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
    times.push(performance.now() - started);
  }
  return median(times);
}

/** CPU and wall µs per request of `send`, after a warm-up. */
async function perRequest(
  send: () => Promise<Response>,
  count: number,
): Promise<{ cpu: number; wall: number }> {
  for (let i = 0; i < 500; i++) await (await send()).arrayBuffer();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const response = await send();
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
  }
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / count, wall: ((performance.now() - started) * 1000) / count };
}

const lean = installPacked([]);
const full = installPacked(['msw', '@pact-foundation/pact-core']);
try {
  const valid = join(projectRoot, 'test/fixtures/payloads/valid-gent-zuid-belgium.json');
  const fresh = { OCPI_KIT_CACHE_DIR: join(lean.dir, 'empty-cache') };
  const firstRun = coldMs([lean.bin, 'validate', valid], 1, fresh);
  const warm = coldMs([lean.bin, 'validate', valid], 9, { XDG_CACHE_HOME: join(lean.dir, 'cache') });
  const bare = coldMs(['-e', '0'], 9);

  const modules = join(full.dir, 'node_modules');
  const mockEntry = await import(pathToFileURL(join(modules, 'ocpi-location-kit/dist/mock/index.js')).href);
  const mswEntry = await import(pathToFileURL(join(modules, 'ocpi-location-kit/dist/src/msw/index.js')).href);
  const { setupServer } = await import(pathToFileURL(join(modules, 'msw/lib/node/index.mjs')).href);
  const count = 5000;
  const mock = mockEntry.createMockApp({ journalSize: 10 });
  const init = () => ({ method: 'POST', headers, body });
  const direct = await perRequest(
    () => mock.fetch(new Request(`http://mock.test${integrationPath}`, init())),
    count,
  );
  const server = setupServer(...mswEntry.createMswHandlers({ journalSize: 10 }));
  server.listen({ onUnhandledRequest: 'error' });
  const msw = await perRequest(() => fetch(`https://api.emabler.net/api${integrationPath}`, init()), count);
  server.close();

  const http = await startServer('mock', body);
  let httpCpu: number;
  try {
    await runLoad(http.url, { connections: 32, amount: 5000, body });
    const before = treeCpuMs(http.pid);
    const load = await runLoad(http.url, { connections: 32, amount: 20_000, body });
    httpCpu = ((treeCpuMs(http.pid) - before) * 1000) / load.total;
  } finally {
    await http.stop();
  }

  const lines = [
    `package figures, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`,
    `tarball: ${kib(lean.pack.size)} packed, ${kib(lean.pack.unpackedSize)} unpacked, ${lean.pack.files.length} files`,
    `installed, dependencies only: ${mib(installedBytes(lean))} in ${installedPackages(lean.dir).length} packages`,
    `installed with msw and @pact-foundation/pact-core: ${mib(installedBytes(full))} in ${installedPackages(full.dir).length} packages`,
    `cold validate of one file (median of 9): ${warm.toFixed(0)} ms; first run, empty spec cache: ${firstRun.toFixed(0)} ms; node -e 0: ${bare.toFixed(0)} ms`,
    `mock.fetch: ${direct.cpu.toFixed(0)} µs CPU, ${direct.wall.toFixed(0)} µs wall per request (${count} sequential)`,
    `msw setupServer + fetch: ${msw.cpu.toFixed(0)} µs CPU, ${msw.wall.toFixed(0)} µs wall per request (${count} sequential)`,
    `http mock (node:http, 32 connections): ${httpCpu.toFixed(0)} µs server CPU per request`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  lean.remove();
  full.remove();
}
