// `npm run bench:in-process`: what the mock costs a test in-process, beside the least a hand-written fetch
// handler can do for the same request (read the body, parse it, run the generated validator, answer JSON).
// `mock.fetch` is measured against that handler called directly, and the MSW handlers against MSW's
// `setupServer` with that handler, each pair back to back in every round, so drift on a shared machine cancels.

import { parseArgs } from 'node:util';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { createMockApp } from '../../mock/app.ts';
import { clean } from '../../src/generated/validators-clean.js';
import { createMswHandlers } from '../../src/msw/index.ts';
import { loadSpec } from '../../src/node/load-spec.ts';
import { recordFigures } from '../doc-figures.ts';
import { median } from './load.ts';
import { headers, integrationPath } from './servers.ts';

recordFigures('in-process');

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
  },
});
const count = Number(values.count);
const rounds = Number(values.rounds);
if (![count, rounds].every((n) => Number.isInteger(n) && n > 0)) {
  process.stderr.write('bench:in-process: --count and --rounds take positive whole numbers\n');
  process.exit(2);
}

const spec = loadSpec();
const body = JSON.stringify(spec.operation.requestExamples.completeSite);
const baseUrl = 'https://api.emabler.net/api';

let next = 0;
/** The floor: what any fetch handler for this operation must do, with no routing, credentials or journal. */
async function handWritten(request: Request): Promise<Response> {
  const payload: unknown = JSON.parse(await request.text());
  if (!clean(payload)) return Response.json({ message: 'Something went wrong' }, { status: 400 });
  return Response.json({ id: `Loc-${(next++).toString(36).toUpperCase()}` });
}

const mock = createMockApp({ journalSize: 10 });
// MSW's interceptors slow down everything else in the process while they listen: on only for the MSW pair.
const server = setupServer();
const mswMock = createMswHandlers({ journalSize: 10, baseUrl });
const mswFloor = [
  http.post(`${baseUrl}/integrations/:integration/locations`, ({ request }) => handWritten(request)),
];
const init = (): RequestInit => ({ method: 'POST', headers, body });

type Send = () => Promise<Response>;
const cases: Record<string, { send: Send; before?: () => void }> = {
  'hand-written fetch handler': {
    send: () => handWritten(new Request(`http://mock.test${integrationPath}`, init())),
  },
  'mock.fetch': { send: () => mock.fetch(new Request(`http://mock.test${integrationPath}`, init())) },
  'msw + hand-written handler': {
    before: () => server.resetHandlers(...mswFloor),
    send: () => fetch(`${baseUrl}${integrationPath}`, init()),
  },
  'msw + createMswHandlers': {
    before: () => server.resetHandlers(...mswMock),
    send: () => fetch(`${baseUrl}${integrationPath}`, init()),
  },
};

/** CPU µs per request of `send` over `count` sequential requests, after a warm-up. */
async function perRequest(send: Send): Promise<number> {
  for (let i = 0; i < 500; i++) await (await send()).arrayBuffer();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i++) {
    const response = await send();
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`expected 200, got ${response.status}`);
  }
  const used = process.cpuUsage(cpu);
  return (used.user + used.system) / count;
}

// Each pair (a floor and what is held to it) runs back to back, in ABBA order across rounds, so the ratio of
// each round compares two runs under the same load; the median of those ratios is the figure.
const pairs = [
  ['hand-written fetch handler', 'mock.fetch'],
  ['msw + hand-written handler', 'msw + createMswHandlers'],
] as const;
const samples = new Map<string, number[]>();
const ratios = new Map<string, number[]>();
for (let round = 0; round < rounds; round++) {
  for (const [floor, held] of pairs) {
    const msw = floor.startsWith('msw');
    if (msw) server.listen({ onUnhandledRequest: 'error' });
    const order = round % 2 === 0 ? [floor, held] : [held, floor];
    const costs: Record<string, number> = {};
    for (const name of order) {
      const { send, before } = cases[name] as (typeof cases)[string];
      before?.();
      costs[name] = await perRequest(send);
      samples.set(name, [...(samples.get(name) ?? []), costs[name]]);
    }
    ratios.set(held, [...(ratios.get(held) ?? []), (costs[held] as number) / (costs[floor] as number)]);
    if (msw) server.close();
  }
}

const cost = (name: string) => median(samples.get(name) ?? []);
const figures = {
  node: process.version,
  count,
  rounds,
  cpuMicrosPerRequest: Object.fromEntries(Object.keys(cases).map((name) => [name, cost(name)])),
  mockFetchRatio: median(ratios.get('mock.fetch') ?? []),
  mswRatio: median(ratios.get('msw + createMswHandlers') ?? []),
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
} else {
  const lines = [
    `in-process, ${body.length}-byte complete location, ${count} sequential requests x ${rounds} rounds, Node ${process.version}`,
    ...Object.keys(cases).map(
      (name) => `${name.padEnd(28)} ${cost(name).toFixed(1).padStart(7)} µs CPU per request`,
    ),
    `mock.fetch / hand-written handler: ${figures.mockFetchRatio.toFixed(2)}x (median of the rounds' ratios; target at most 1.15x)`,
    `msw handlers / msw with the hand-written handler: ${figures.mswRatio.toFixed(2)}x (median of the rounds' ratios; target at most 1.15x)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
