import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../../mock/server/node-server.ts';
import { demo, oulu } from '../../support/demo.ts';
import { examples, spec } from '../helpers.ts';
import { createConformance, type Exchange } from './conformance.ts';

const conforms = createConformance(spec);
const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));
const pathSafe = (max: number) => fc.stringMatching(new RegExp(`^[\\x21-\\x7e]{0,${max}}$`));

const integration = fc.oneof(
  fc.constantFrom(
    'int-tampere-roaming',
    'int-helsinki-hub',
    'int-oulu-roaming',
    '..%2F..%2Fetc',
    '%00',
    '%E0%A4%A',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  pathSafe(30).map((text) => text.replaceAll('/', '').replaceAll('?', '').replaceAll('#', '') || 'x'),
);
const path = fc.oneof(
  { weight: 4, arbitrary: integration.map((id) => `/integrations/${id}/locations`) },
  { weight: 1, arbitrary: pathSafe(60).map((text) => `/${text.replaceAll('#', '')}`) },
);
const query = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('excludeChargers', 'code', 'clientId', 'x-api-key'), printable(10)),
      fc.oneof(fc.constantFrom('true', 'false', 'demo-function-code', 'tampereen-lataus'), printable(20)),
    ),
    { maxLength: 3 },
  )
  .map((pairs) =>
    pairs.length
      ? `?${pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&')}`
      : '',
  );
const example = fc.constantFrom(...Object.values(examples));
const body = fc.oneof(
  example.map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ minLength: 4100, maxLength: 4400 }),
  fc.constant(''),
);
const headers = fc.record(
  {
    'x-api-key': fc.oneof(fc.constantFrom(demo.apiKey, oulu.apiKey, `${demo.apiKey} `), printable(20)),
    'content-type': fc.oneof(
      fc.constantFrom(
        'application/json',
        'application/merge-patch+json',
        'text/plain',
        'application/json; charset=utf-8',
      ),
      printable(30),
    ),
    accept: fc.constantFrom('application/problem+json', '*/*', 'text/plain'),
    prefer: fc.oneof(
      fc.constantFrom(
        'code=400',
        'code=404',
        'code=413',
        'code=200',
        'dynamic=true',
        'example=documented',
        'code=999',
      ),
      printable(20),
    ),
    'x-functions-key': fc.oneof(fc.constant('demo-function-code'), printable(20)),
    'x-anything': printable(100),
  },
  { requiredKeys: [] },
);
const method = fc.oneof(
  { weight: 6, arbitrary: fc.constant('POST') },
  { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS') },
);

describe('the mock over HTTP, for any request', () => {
  let running: RunningMock;
  beforeAll(async () => {
    running = await serveMock({ port: 0, bodyLimit: 4096, urlLimit: 600 });
  });
  afterAll(() => running?.close());

  /** Sends one request on a fresh connection (the mock closes some, after a 413). */
  const send = (m: string, target: string, head: Record<string, string>, data: string | Buffer) =>
    new Promise<Exchange>((done, fail) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: running.port, method: m, path: target, headers: head, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            done({
              method: m,
              path: target,
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      req.on('error', fail);
      req.end(m === 'GET' || m === 'HEAD' ? undefined : data);
    });

  it('answers every request with a documented status and a body that conforms to openapi.yaml, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, body, async (m, p, q, h, b) => {
        const exchange = await send(m, p + q, h as Record<string, string>, b);
        expect(
          conforms(exchange),
          `${m} ${p}${q} -> ${exchange.status} ${exchange.body.slice(0, 200)}`,
        ).toEqual([]);
      }),
      { seed: 20261124, numRuns: 300 },
    );
    const journal = await fetch(`${running.url}/__mock/requests`);
    expect(journal.status).toBe(200);
    expect((await journal.json()).entries.length).toBeGreaterThan(0);
  });

  it('answers 200 with a conforming id for every valid example with valid credentials', async () => {
    await fc.assert(
      fc.asyncProperty(
        example,
        fc.constantFrom('', '?excludeChargers=true', '?excludeChargers=false'),
        async (value, q) => {
          const exchange = await send(
            'POST',
            `/integrations/int-tampere-roaming/locations${q}`,
            { 'x-api-key': demo.apiKey, 'content-type': 'application/json' },
            JSON.stringify(value),
          );
          expect(exchange.status).toBe(200);
          expect(conforms(exchange)).toEqual([]);
        },
      ),
      { seed: 7, numRuns: 20 },
    );
  });
});
