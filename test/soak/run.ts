// npm run soak -- [--duration 30] [--connections 20] [--json]: mixed traffic against a mock in a child process.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer } from '../bench/servers.ts';
import { connectionsOf, type Kind, kinds, requestOf } from './traffic.ts';

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
const rssOf = async (): Promise<number> =>
  ((await (await fetch(`${server.url}/__mock/health`)).json()) as { rssBytes: number }).rssBytes;

let answered = 0;
let rssAfterWarmUp: number | undefined;
let measuring: Promise<void> | undefined;
const socketErrors = new Set<string>();
const started = performance.now();
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
await measuring;
const rssAtEnd = await rssOf();
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
  ...(growth === undefined ? [`fewer than ${warmUp} requests: no memory baseline`] : []),
  ...(growth !== undefined && growth > 0.25
    ? [`RSS grew ${(growth * 100).toFixed(1)}% after the first ${warmUp} requests (limit 25%)`]
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
  failures,
  ok: failures.length === 0,
};

const mib = (bytes: number | undefined) =>
  bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MiB`;
const text = [
  `soak: ${answered} requests in ${report.seconds} s over ${connections} connections (${report.requestsPerSecond} req/s)`,
  ...results.map(({ kind, result }) => {
    const counts = Object.entries(statuses(result)).map(([status, count]) => `${count} x ${status}`);
    return `  ${kind.padEnd(20)} ${counts.join(', ') || 'none'}`;
  }),
  `  5xx ${fiveHundreds}, socket errors ${errors}, timeouts ${timeouts}`,
  `  RSS ${mib(rssAfterWarmUp)} after ${warmUp} requests, ${mib(rssAtEnd)} at the end (${growth === undefined ? 'n/a' : `${(growth * 100).toFixed(1)}%`}, limit 25%)`,
  failures.length === 0 ? 'PASS' : `FAIL\n${failures.map((failure) => `  - ${failure}`).join('\n')}`,
];
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${text.join('\n')}\n`);
process.exitCode = failures.length === 0 ? 0 : 1;
