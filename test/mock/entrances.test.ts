import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, serveMock } from '../../mock/server/node-server.ts';
import { type CorpusCase, corpus } from './corpus.ts';
import { makeMock, spec } from './helpers.ts';

// The mock has two entrances: Hono (`app.request()`, browsers through node:http) and the node:http fast path.
// Both must give every request the same answer, so each case goes through both, on mocks with the same seed.
const extra: CorpusCase[] = [
  {
    name: 'GET on the operation path',
    method: 'GET',
    path: '/integrations/int-tampere-roaming/locations',
    headers: {},
    status: 405,
  },
  {
    name: 'DELETE on the operation path',
    method: 'DELETE',
    path: '/integrations/x/locations',
    headers: {},
    status: 405,
  },
  {
    name: 'a percent-encoded integration id',
    path: '/integrations/int%2Dtampere%2Droaming/locations',
    headers: { 'x-api-key': 'demo-api-key', 'content-type': 'application/json' },
    body: '{}',
    status: 200,
  },
  {
    name: 'a malformed percent-encoding',
    path: '/integrations/%E0%A4%A/locations',
    headers: { 'x-api-key': 'demo-api-key', 'content-type': 'application/json' },
    body: '{}',
    status: 404,
  },
  { name: 'a path of another API', path: '/integrations/x/chargers', headers: {}, status: 404 },
  { name: 'a trailing slash', path: '/integrations/x/locations/', headers: {}, status: 404 },
];
const cases = [...corpus, ...extra];
const headersThatMatter = ['content-type', 'allow', 'www-authenticate', 'retry-after', 'connection'];

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  body: string;
}

async function answerOf(response: Response): Promise<Answer> {
  const headers = Object.fromEntries(headersThatMatter.map((name) => [name, response.headers.get(name)]));
  // node:http adds keep-alive on its own; only a close decided by the mock matters.
  if (headers.connection !== 'close') headers.connection = null;
  return { status: response.status, headers, body: await response.text() };
}

const init = (c: CorpusCase): RequestInit => ({
  method: c.method ?? 'POST',
  headers: c.headers,
  ...(c.body === undefined ? {} : { body: c.body }),
});

let server: RunningMock;
const inProcess = makeMock({ seed: 7 });

beforeAll(async () => {
  server = await serveMock({ spec, port: 0, seed: 7 });
});
afterAll(() => server.close());

describe('the two entrances', () => {
  it('give every request of the corpus the same status, headers and body', async () => {
    for (const c of cases) {
      const viaHono = await answerOf(await inProcess.app.request(c.path, init(c)));
      const viaSocket = await answerOf(await fetch(`${server.url}${c.path}`, init(c)));
      expect(viaSocket, c.name).toEqual(viaHono);
      expect(viaHono.status, c.name).toBe(c.status);
    }
  });

  it('answer a browser (Hono behind node:http) as they answer any other client', async () => {
    const browser = await serveMock({ spec, port: 0, seed: 7 });
    const other = await serveMock({ spec, port: 0, seed: 7 });
    try {
      for (const c of cases) {
        const origin = { ...c.headers, origin: 'http://app.example' };
        const viaHono = await answerOf(
          await fetch(`${browser.url}${c.path}`, { ...init(c), headers: origin }),
        );
        const fastPath = await answerOf(await fetch(`${other.url}${c.path}`, init(c)));
        expect(viaHono, c.name).toEqual(fastPath);
      }
    } finally {
      await Promise.all([browser.close(), other.close()]);
    }
  });
});
