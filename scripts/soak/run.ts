// npm run soak -- [--duration 30] [--connections 20] [--json]: mixed traffic against a mock in a child process.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { adminPaths } from '../../src/generated/admin-facts.ts';
import { median } from '../bench/load.ts';
import { startServer } from '../bench/servers.ts';
import { recordFigures } from '../doc-figures.ts';
import { connectionsOf, type Kind, kinds, requestOf } from './traffic.ts';

// The figures printed below are written into the docs when the run ends (`--json` leaves the docs alone).
recordFigures('soak');

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '30' },
    connections: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const warmUp = 10_000;

const server = await startServer('mock', '{}');
const started = performance.now();
const rssOf = async (): Promise<number> =>
  ((await (await fetch(`${server.url}${adminPaths.getHealth}`)).json()) as { rssBytes: number }).rssBytes;

// RSS once a second while the traffic runs: a leak grows through the whole run, while V8 sizing its heap to
// the load (young generation and old-space limit) shows as a rise in the first seconds, then a plateau.
const samples: { second: number; rss: number }[] = [];
const sampler = setInterval(() => {
  const second = (performance.now() - started) / 1000;
  rssOf().then(
    (rss) => samples.push({ second, rss }),
    () => undefined,
  );
}, 1000);

let answered = 0;
let rssAfterWarmUp: number | undefined;
let measuring: Promise<void> | undefined;
const socketErrors = new Set<string>();
// One autocannon instance per kind, so every answer is counted against the kind that asked for it.
const runs = (Object.keys(kinds) as Kind[]).map(
  (kind) =>
    new Promise<{ kind: Kind; result: autocannon.Result }>((done, fail) => {
      const options = {
        url: server.url,
        connections: connectionsOf(kind, connections),
        duration,
        pipelining: 1,
        requests: [requestOf(kind)],
      };
      const run = autocannon(options, (error, result) => (error ? fail(error) : done({ kind, result })));
      run.on('response', () => {
        if (++answered !== warmUp) return;
        measuring = rssOf().then((rss) => {
          rssAfterWarmUp = rss;
        });
      });
      run.on('reqError', (error: Error) => socketErrors.add(error.message));
    }),
);
const results = await Promise.all(runs);
clearInterval(sampler);
await measuring;
const rssAtEnd = await rssOf();
// Medians of the middle and the last third of the run: the heap's sawtooth (garbage waiting for the next
// collection) swings single samples by 10% or more either way.
const third = (from: number, to: number) =>
  samples.filter((sample) => sample.second >= from && sample.second < to).map((sample) => sample.rss);
const middle = third(duration / 3, (2 * duration) / 3);
const last = third((2 * duration) / 3, Number.POSITIVE_INFINITY);
const settled = middle.length > 0 ? median(middle) : undefined;
const late = last.length > 0 ? median(last) : undefined;
const drift = settled === undefined || late === undefined ? undefined : late / settled - 1;
const seconds = (performance.now() - started) / 1000;
await server.stop();

const statuses = (result: autocannon.Result): Record<string, number> =>
  Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count ?? 0]),
  );
const tally = Object.fromEntries(results.map(({ kind, result }) => [kind, statuses(result)]));
const fiveHundreds = results.reduce((sum, { result }) => sum + result['5xx'], 0);
const errors = results.reduce((sum, { result }) => sum + result.errors, 0);
const timeouts = results.reduce((sum, { result }) => sum + result.timeouts, 0);
const wrong = results.flatMap(({ kind, result }) =>
  Object.entries(statuses(result))
    .filter(([status]) => Number(status) !== kinds[kind])
    .map(([status, count]) => `${kind}: ${count} x ${status} (expected ${kinds[kind]})`),
);
const growth = rssAfterWarmUp === undefined ? undefined : rssAtEnd / rssAfterWarmUp - 1;
const failures = [
  ...(fiveHundreds > 0 ? [`${fiveHundreds} answers were 5xx`] : []),
  ...(errors + timeouts > 0
    ? [`${errors} socket errors, ${timeouts} timeouts (${[...socketErrors].join('; ')})`]
    : []),
  ...(drift === undefined ? ['the run was too short for a memory baseline (give --duration 6 or more)'] : []),
  ...(drift !== undefined && drift > 0.1
    ? [
        `RSS grew ${(drift * 100).toFixed(1)}% from the middle to the last third of the run (limit 10%): a leak`,
      ]
    : []),
  ...wrong,
];
const report = {
  seconds: Math.round(seconds * 10) / 10,
  connections,
  requests: answered,
  requestsPerSecond: Math.round(answered / seconds),
  kinds: tally,
  status5xx: fiveHundreds,
  socketErrors: errors,
  timeouts,
  rssAfterWarmUpBytes: rssAfterWarmUp ?? null,
  rssAtEndBytes: rssAtEnd,
  rssGrowth: growth === undefined ? null : Math.round(growth * 1000) / 1000,
  rssMiddleThirdBytes: settled ?? null,
  rssLastThirdBytes: late ?? null,
  rssDrift: drift === undefined ? null : Math.round(drift * 1000) / 1000,
  failures,
  ok: failures.length === 0,
};

const percent = (ratio: number | undefined) => (ratio === undefined ? 'n/a' : `${(ratio * 100).toFixed(1)}%`);
const mib = (bytes: number | undefined) =>
  bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MiB`;
const text = [
  `soak: ${answered} requests in ${report.seconds} s over ${connections} connections (${report.requestsPerSecond} req/s)`,
  ...results.map(({ kind, result }) => {
    const counts = Object.entries(statuses(result)).map(([status, count]) => `${count} x ${status}`);
    return `  ${kind.padEnd(20)} ${counts.join(', ') || 'none'}`;
  }),
  `  5xx ${fiveHundreds}, socket errors ${errors}, timeouts ${timeouts}`,
  `  RSS ${mib(rssAfterWarmUp)} after ${warmUp} requests, ${mib(rssAtEnd)} at the end (${percent(growth)}, V8's warm-up included)`,
  `  RSS median ${mib(settled)} in the middle third, ${mib(late)} in the last third (${percent(drift)}, limit 10%)`,
  failures.length === 0 ? 'PASS' : `FAIL\n${failures.map((failure) => `  - ${failure}`).join('\n')}`,
];
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${text.join('\n')}\n`);
process.exitCode = failures.length === 0 ? 0 : 1;
