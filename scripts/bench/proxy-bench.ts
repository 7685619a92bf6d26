// `npm run bench:proxy` (and the end of `npm run bench`): the validating proxy's overhead. One upstream (the
// mock), then the same load straight at it, through `ocpi-location-kit proxy` and through `prism proxy`, in
// rounds that rotate the order; medians are reported, so drift on a shared machine cancels.
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSpec } from '../../src/node/load-spec.ts';
import { recordFigures } from '../doc-figures.ts';
import { median, runLoad } from './load.ts';
import { freePort, headers, integrationPath, stopChild } from './servers.ts';

recordFigures('proxy');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
  },
});
const [duration, connections, rounds] = [values.duration, values.connections, values.rounds].map(Number) as [
  number,
  number,
  number,
];
const body = JSON.stringify(loadSpec().operation.requestExamples.completeSite);

/** A process that serves addLocation at `url` once it has answered one request with 200. */
async function start(file: string, args: string[], url: string): Promise<ChildProcess> {
  const child = spawn(file, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  const deadline = performance.now() + 30_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited: ${stderr}`);
    try {
      const response = await fetch(url + integrationPath, { method: 'POST', headers, body });
      await response.arrayBuffer();
      if (response.status === 200) return child;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`${args.join(' ')} did not answer 200: ${stderr}`);
}

const cli = resolve(root, 'dist/src/cli/main.js');
const upstreamPort = await freePort();
const upstream = `http://127.0.0.1:${upstreamPort}`;
const mock = await start(process.execPath, [cli, 'mock', '-p', String(upstreamPort)], upstream);
const routes = {
  direct: async () => ({ url: upstream, child: undefined }),
  'ocpi-location-kit proxy': async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    return {
      url,
      child: await start(process.execPath, [cli, 'proxy', '--upstream', upstream, '-p', String(port)], url),
    };
  },
  'prism proxy': async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const prism = resolve(root, 'node_modules/.bin/prism');
    const args = ['proxy', '-h', '127.0.0.1', '-p', String(port), resolve(root, 'openapi.yaml'), upstream];
    return { url, child: await start(prism, args, url) };
  },
};
type Route = keyof typeof routes;
const names = Object.keys(routes) as Route[];
const samples = new Map<Route, Awaited<ReturnType<typeof runLoad>>[]>();
process.stdout.write(
  `bench:proxy: ${body.length}-byte location, ${connections} connections, ${duration} s x ${rounds} rounds\n`,
);
try {
  for (let round = 0; round < rounds; round++) {
    for (const name of names.map((_, i) => names[(i + round) % names.length] as Route)) {
      const { url, child } = await routes[name]();
      try {
        await runLoad(url, { connections, duration: 1, body });
        samples.set(name, [
          ...(samples.get(name) ?? []),
          await runLoad(url, { connections, duration, body }),
        ]);
      } finally {
        if (child) await stopChild(child);
      }
    }
  }
} finally {
  await stopChild(mock);
}
process.stdout.write(
  '\n| route to the mock | req/s | p50 ms | p99 ms | non-2xx | errors |\n|---|---|---|---|---|---|\n',
);
for (const name of names) {
  const list = samples.get(name) ?? [];
  const rps = Math.round(median(list.map((s) => s.requestsPerSec)));
  const non2xx = list.reduce((sum, s) => sum + s.non2xx, 0);
  const errors = list.reduce((sum, s) => sum + s.errors, 0);
  const p50 = median(list.map((s) => s.p50));
  const p99 = median(list.map((s) => s.p99));
  process.stdout.write(`| ${name} | ${rps} | ${p50} | ${p99} | ${non2xx} | ${errors} |\n`);
}
