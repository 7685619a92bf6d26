// `npm run bench`: the mock against the bare node:http floor and Prism, in one run on this machine.
// Servers alternate over several rounds and the medians are reported, so drift on a shared machine cancels.
import { parseArgs } from 'node:util';
import { recordFigures } from '../../scripts/doc-figures.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { median, runLoad } from './load.ts';
import { type RunningServer, type ServerKind, startServer, treeCpuMs, treeMemory } from './servers.ts';
import { benchValidator } from './validator-bench.ts';

// The figures printed below are written into the docs when the run ends (`--json` leaves the docs alone).
recordFigures('bench');

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    soak: { type: 'string', default: '250000' },
    json: { type: 'boolean', default: false },
    servers: { type: 'string', default: 'bare,mock,prism' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rounds = Number(values.rounds);
const soakTotal = Number(values.soak);
if (![duration, connections, rounds].every((n) => Number.isInteger(n) && n > 0) || !(soakTotal >= 0)) {
  process.stderr.write('bench: --duration, --connections and --rounds take positive whole numbers\n');
  process.exit(2);
}
const log = (line: string) => {
  if (!values.json) process.stdout.write(`${line}\n`);
};

const spec = loadSpec();
const payload = spec.operation.requestExamples.completeSite;
const body = JSON.stringify(payload);
const invalidBody = JSON.stringify({
  ...(payload as object),
  parkingType: 'CAR_PARK',
  coordinates: { latitude: 61.48 },
});
const kinds = values.servers.split(',') as ServerKind[];
if (kinds.some((kind) => !['bare', 'mock', 'prism'].includes(kind))) {
  process.stderr.write('bench: --servers is a comma-separated list of bare, mock and prism\n');
  process.exit(2);
}

log(
  `bench: ${body.length}-byte complete location, ${connections} connections, ${duration} s x ${rounds} rounds`,
);
type Sample = Awaited<ReturnType<typeof runLoad>> & { readonly cpuUsPerRequest: number };
const samples = new Map<string, Sample[]>();
const startup = new Map<ServerKind, number[]>();
const peak = new Map<ServerKind, number>();
const record = (key: string, figures: Sample) => {
  samples.set(key, [...(samples.get(key) ?? []), figures]);
};
// The server's own CPU time per request: unlike req/s, it does not depend on how much of the machine the load
// generator takes, so it says what each server costs even on a busy or small machine.
const measure = async (server: RunningServer, payloadText: string): Promise<Sample> => {
  const before = treeCpuMs(server.pid);
  const figures = await runLoad(server.url, { connections, duration, body: payloadText });
  const cpuMs = treeCpuMs(server.pid) - before;
  return { ...figures, cpuUsPerRequest: figures.total > 0 ? (cpuMs * 1000) / figures.total : Number.NaN };
};

for (let round = 0; round < rounds; round++) {
  // Rotate the order each round so that no server always runs first on a cold or warm machine.
  const order = kinds.map((_, i) => kinds[(i + round) % kinds.length] as ServerKind);
  for (const kind of order) {
    const server: RunningServer = await startServer(kind, body);
    startup.set(kind, [...(startup.get(kind) ?? []), server.startupMs]);
    try {
      await runLoad(server.url, { connections, duration: 1, body }); // warm-up, not counted
      record(`${kind} valid`, await measure(server, body));
      if (kind !== 'prism') record(`${kind} 400`, await measure(server, invalidBody));
      peak.set(kind, Math.max(peak.get(kind) ?? 0, treeMemory(server.pid).peakMiB));
    } finally {
      await server.stop();
    }
    log(
      `  round ${round + 1}: ${kind} ${Math.round(samples.get(`${kind} valid`)?.at(-1)?.requestsPerSec ?? 0)} req/s`,
    );
  }
}

const summary = (key: string) => {
  const list = samples.get(key) ?? [];
  return {
    requestsPerSec: Math.round(median(list.map((s) => s.requestsPerSec))),
    p50: median(list.map((s) => s.p50)),
    p99: median(list.map((s) => s.p99)),
    non2xx: list.reduce((sum, s) => sum + s.non2xx, 0),
    errors: list.reduce((sum, s) => sum + s.errors, 0),
    cpuUsPerRequest: Math.round(median(list.map((s) => s.cpuUsPerRequest))),
  };
};
const rows = [...samples.keys()].map((key) => ({ key, ...summary(key) }));
const rate = (key: string) => rows.find((row) => row.key === key)?.requestsPerSec ?? Number.NaN;

// Bounded memory: RSS after 50k requests against RSS after the full soak (default 250k).
let soak: { rssAt50kMiB: number; rssAtEndMiB: number; growth: number; requests: number } | undefined;
if (soakTotal >= 50_000) {
  const server = await startServer('mock', body);
  try {
    await runLoad(server.url, { connections, amount: 50_000, body });
    const at50k = treeMemory(server.pid).rssMiB;
    await runLoad(server.url, { connections, amount: soakTotal - 50_000, body });
    const atEnd = treeMemory(server.pid).rssMiB;
    soak = { rssAt50kMiB: at50k, rssAtEndMiB: atEnd, growth: (atEnd - at50k) / at50k, requests: soakTotal };
  } finally {
    await server.stop();
  }
}

const validator = benchValidator(spec, payload);
const report = {
  machine: {
    cpus: (await import('node:os')).cpus().length,
    node: process.version,
    date: new Date().toISOString(),
  },
  settings: { connections, duration, rounds, payloadBytes: body.length },
  servers: rows,
  ratios: {
    mockOverBare: rate('mock valid') / rate('bare valid'),
    mock400OverBare: rate('mock 400') / rate('bare valid'),
    mockOverPrism: rate('mock valid') / rate('prism valid'),
  },
  startupMs: Object.fromEntries([...startup].map(([kind, list]) => [kind, Math.round(median(list))])),
  peakRssMiB: Object.fromEntries([...peak].map(([kind, mib]) => [kind, Math.round(mib)])),
  soak,
  validator,
};

// The targets of the performance issue; one that was not measured in this run (a server left out) is skipped.
const mockValid = rows.find((row) => row.key === 'mock valid');
const targets = [
  { name: 'mock / bare node:http (valid)', value: report.ratios.mockOverBare, min: 0.85 },
  { name: 'mock 400 / bare node:http', value: report.ratios.mock400OverBare, min: 0.75 },
  { name: 'mock / Prism mock -m', value: report.ratios.mockOverPrism, min: 6 },
  { name: 'mock p99 ms at the load', value: mockValid?.p99 ?? Number.NaN, max: 5 },
  { name: 'mock start-up to first 200 ms', value: report.startupMs.mock ?? Number.NaN, max: 400 },
  { name: 'mock RSS growth 50k to end', value: soak?.growth ?? Number.NaN, max: 0.1 },
  { name: 'validation core / raw ajv', value: validator.ratio, min: 0.5 },
]
  .filter((target) => Number.isFinite(target.value))
  .map((target) => ({
    ...target,
    pass: 'min' in target ? target.value >= (target.min as number) : target.value <= (target.max as number),
  }));
process.exitCode = targets.every((target) => target.pass) ? 0 : 1;

if (values.json) {
  process.stdout.write(`${JSON.stringify({ ...report, targets }, null, 2)}\n`);
} else {
  log('');
  log('| server / path | req/s | p50 ms | p99 ms | non-2xx | errors | server CPU µs/request |');
  log('|---|---|---|---|---|---|---|');
  for (const row of rows)
    log(
      `| ${row.key} | ${row.requestsPerSec} | ${row.p50} | ${row.p99} | ${row.non2xx} | ${row.errors} | ${row.cpuUsPerRequest} |`,
    );
  log('');
  const fixed = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
  log(
    `mock / bare (valid): ${fixed(report.ratios.mockOverBare)}   mock 400 / bare: ${fixed(report.ratios.mock400OverBare)}   mock / Prism: ${fixed(report.ratios.mockOverPrism)}`,
  );
  log(
    `start-up to first 200 (median): ${Object.entries(report.startupMs)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}`,
  );
  log(
    `peak RSS: ${Object.entries(report.peakRssMiB)
      .map(([k, v]) => `${k} ${v} MiB`)
      .join(', ')}`,
  );
  if (soak) {
    log(
      `mock RSS after 50k requests ${soak.rssAt50kMiB.toFixed(1)} MiB, after ${soak.requests / 1000}k ${soak.rssAtEndMiB.toFixed(1)} MiB (${(soak.growth * 100).toFixed(1)}%)`,
    );
  }
  log(
    `validator: core ${validator.coreOpsPerSec} ops/s, raw ajv ${validator.rawAjvOpsPerSec} ops/s (${fixed(validator.ratio)})`,
  );
  log('');
  for (const target of targets) {
    const bound = 'min' in target ? `>= ${target.min}` : `<= ${target.max}`;
    log(`${target.pass ? 'PASS' : 'FAIL'} ${target.name}: ${fixed(target.value)} (target ${bound})`);
  }
}
